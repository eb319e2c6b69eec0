"""The purposes personal data is processed for, declared by the host project (REQUIREMENTS B6, A6).

The package declares none: each project states its own in a
`consent_purposes.py` module of one of its apps, discovered at startup the
way `admin.py` is, by calling `register(Purpose(...))`.

One decision is recorded per purpose, never one for several (B1, B6: PIPL 14,
CC 1035(1) and (3)). A purpose whose legal basis is `contract` needs only a notice (the
privacy policy, acknowledged at signup); a `consent` purpose needs its own
short notice and its own yes or no. The first `contract` purpose declared is
the one the privacy-policy acknowledgment is recorded under.

Bumping `material_version` is how a material change to a purpose is announced
(A6, PIPL 14(2)): grants given for an older version stop counting at once, and
the consent screen is shown again with `what_changed`. Publish a notice for the
new version (`manage.py publish_notices`) in the same change; the system check
`consent.E001` fails until every language has one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    # PIPL 13(1)(2) / GDPR 6(1)(b): necessary to conclude or perform a contract
    # to which the person is a party; the judgment limits it to the basic
    # service functions, or add-ons the person chose.
    CONTRACT = "contract", _("Necessary to conclude or perform a contract to which you are a party")
    # PIPL 13(1)(1), 14 / GDPR 6(1)(a): a freely given, informed, explicit yes,
    # asked on its own screen (not the PIPL's 单独同意, a term of art for other cases).
    CONSENT = "consent", _("Your consent")


@dataclass(frozen=True)
class Purpose:
    code: str
    title: Promise
    description: Promise
    legal_basis: LegalBasis
    data_categories: tuple[Promise, ...]
    retention: Promise
    # Who receives the data besides the controller (PIPL 17(1), 23; GDPR 13(1)(e)).
    recipients: tuple[Promise, ...] = ()
    material_version: int = 1
    # Shown on the consent screen when someone decided on an older version (A6).
    what_changed: Promise | str = ""
    # True: asked on its own consent screen right after signup or the first
    # sign-in (consent_first_run_url). False: offered in the privacy centre
    # only, never in the first-run flow (B1), and the consent screen URL of
    # the purpose leads to the privacy centre.
    asked_at_first_run: bool = False
    # The message after Skip on the consent screen: what still works without
    # this consent (B2, B8). Empty: a generic message.
    skip_message: Promise | str = ""

    @property
    def needs_consent(self) -> bool:
        return self.legal_basis == LegalBasis.CONSENT


# Filled by the host's consent_purposes.py modules (ConsentConfig.ready()), in
# the order they register.
PURPOSES: dict[str, Purpose] = {}


class AlreadyRegistered(Exception):
    pass


def register(purpose: Purpose) -> Purpose:
    """Declare one purpose. A code declared twice, differently, is a programming error."""
    existing = PURPOSES.get(purpose.code)
    if existing is not None and existing is not purpose:
        raise AlreadyRegistered(f"The purpose {purpose.code!r} is declared twice.")
    PURPOSES[purpose.code] = purpose
    return purpose


def unregister(code: str) -> None:
    """For tests that declare a purpose of their own."""
    PURPOSES.pop(code, None)


class UnknownPurposeError(LookupError):
    """A purpose code that is not declared here: a programming error, never user input."""


def get_purpose(code: str) -> Purpose:
    try:
        return PURPOSES[code]
    except KeyError:
        raise UnknownPurposeError(code) from None


def consent_purposes() -> list[Purpose]:
    return [purpose for purpose in PURPOSES.values() if purpose.needs_consent]


def primary_purpose() -> Purpose | None:
    """The first `contract` purpose declared: privacy-policy acknowledgments are recorded under it (A3)."""
    return next((purpose for purpose in PURPOSES.values() if not purpose.needs_consent), None)
