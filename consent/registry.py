"""The personal-data registry: each app declares what it holds about a person (D1, D4, E4).

Every app that stores personal data has a `personal_data.py` that calls
`register()` once per category, the way `admin.py` registers model admins.
`ConsentConfig.ready()` imports them all (autodiscover_modules), and the
copy of my data, account erasure and the retention jobs go through this
registry only: an app that keeps something about a person and does not
declare it here fails the system check `consent.E003` (consent/checks.py),
so nothing can be left out of a copy or survive an erasure unnoticed.

A category says how to export its data for one person (JSON-ready: a flat
dict, or a list of flat dicts), how to erase it (idempotent: the erasure task
may run twice after a crash), and optionally what must happen at once when the
person cancels (before the task runs) and how to purge expired rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models
from django.utils.functional import Promise

JsonRow = dict[str, Any]


@dataclass(frozen=True)
class PersonalDataCategory:
    # Stable key: the JSON export uses it, so changing it changes the schema.
    key: str
    label: Promise | str
    description: Promise | str
    # The models whose rows this category covers (the system check compares
    # them with every model that points at the user model).
    models: tuple[type[models.Model], ...]
    export: Callable[[Any], JsonRow | list[JsonRow]]
    erase: Callable[[Any], None]
    # Labels of the keys in exported rows, for the readable page.
    field_labels: dict[str, Promise | str] = field(default_factory=dict)
    # Runs in the cancellation request itself, so it takes effect at once
    # (sign-out everywhere, the number freed for a new signup), in `order`.
    on_cancel: Callable[[Any], None] | None = None
    # True for records that stay after erasure because the law requires them
    # (the consent ledger, the staff access log): they hold the pseudonymous
    # subject id, which matches no account once the account is gone.
    kept_after_erasure: bool = False
    # Shown on the cancellation page: what happens to this data.
    on_erasure: Promise | str = ""
    # Erasure and cancellation order, lowest first; the account itself goes last.
    order: int = 100
    # Retention (E4): delete this category's expired rows, return how many.
    purge_expired: Callable[[datetime], int] | None = None
    # Retention (E4): accounts whose whole account has expired (for example
    # signups never verified); each is erased through every category.
    expired_accounts: Callable[[datetime], Iterable[Any]] | None = None
    retention: Promise | str = ""
    # The consent purpose this data exists for (e.g. "profiling"): after a
    # withdrawal the privacy centre says "being deleted" while any category
    # of that purpose still exports something, and "deleted" only once none
    # does (D5), without knowing what the data is.
    purpose: str = ""


_registry: dict[str, PersonalDataCategory] = {}


class AlreadyRegistered(Exception):
    pass


def register(category: PersonalDataCategory) -> PersonalDataCategory:
    """Declare one category. A key registered twice is a programming error."""
    existing = _registry.get(category.key)
    if existing is not None and existing != category:
        raise AlreadyRegistered(f"The personal-data category {category.key!r} is registered twice.")
    _registry[category.key] = category
    return category


def unregister(key: str) -> None:
    """For tests that declare a category of their own."""
    _registry.pop(key, None)


def categories() -> list[PersonalDataCategory]:
    """Every declared category, in erasure order (the account last)."""
    return sorted(_registry.values(), key=lambda category: (category.order, category.key))


def get(key: str) -> PersonalDataCategory:
    return _registry[key]


def covered_models() -> set[type[models.Model]]:
    return {model for category in _registry.values() for model in category.models}


def categories_for_purpose(purpose: str) -> list[PersonalDataCategory]:
    return [category for category in _registry.values() if category.purpose == purpose]
