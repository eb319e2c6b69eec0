"""The pseudonymous id that ledger records name a person by (E1, D4).

Records must outlive the account without naming it, so they hold a random
UUID, never the primary key, a username or a phone number. A project whose
user model already has such a UUID (CONSENT_SUBJECT_ID_ATTRIBUTE, default
`subject_id`) uses it; otherwise the app keeps one per account in
`ConsentSubject`, deleted with the account.
"""

from __future__ import annotations

import uuid

from consent.app_settings import app_settings

_CACHE_ATTRIBUTE = "_consent_subject_id"


def subject_id_of(user, *, create: bool = False) -> uuid.UUID | None:
    """The person's subject id; None for an anonymous user, or one who has none yet and `create` is False.

    Reads never create one: a person with no id has no records. Writes (a
    decision, a staff access entry) pass `create=True`.
    """
    if user is None:
        return None
    # A user model with its own subject id, or a ledger record (which names
    # its person only by this id, e.g. in the admin's access log).
    for attribute in dict.fromkeys((app_settings.SUBJECT_ID_ATTRIBUTE, "subject_id")):
        own = getattr(user, attribute, None)
        if isinstance(own, uuid.UUID):
            return own
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    from consent.models import ConsentSubject

    if create:
        subject_id = ConsentSubject.objects.get_or_create(user=user)[0].subject_id
    else:
        subject_id = ConsentSubject.objects.filter(user=user).values_list("subject_id", flat=True).first()
    if subject_id is not None:
        setattr(user, _CACHE_ATTRIBUTE, subject_id)
    return subject_id


def user_has_own_subject_id(user_model) -> bool:
    """True when the user model carries the subject id itself (no ConsentSubject row is kept)."""
    try:
        field = user_model._meta.get_field(app_settings.SUBJECT_ID_ATTRIBUTE)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist, or anything a custom Options raises
        return False
    return field.get_internal_type() == "UUIDField"


def users_with_subject_ids(subject_ids):
    """The accounts behind these subject ids, whichever way the user model keeps them."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    if user_has_own_subject_id(user_model):
        return user_model._default_manager.filter(**{f"{app_settings.SUBJECT_ID_ATTRIBUTE}__in": subject_ids})
    return user_model._default_manager.filter(consent_subject__subject_id__in=subject_ids)
