"""Reads of notices and consent decisions. Other apps use these, never the models.

The one question most code asks is `consent_is_granted(user=..., purpose=...)`;
the view decorator `consent.decorators.consent_required` and the template tag
`{% consent_granted "profiling" as granted %}` are built on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from consent import notices, purposes
from consent.app_settings import app_settings

# Verifying the chains and checkpoints lives in consent.ledger (E1, E5); re-exported here.
from consent.ledger import LedgerProblem, LedgerVerification, ledger_verify  # noqa: F401
from consent.models import (
    ConsentRecord,
    DataExport,
    Decision,
    NoticeVersion,
    StaffAccessLogEntry,
)
from consent.notices import Notice, NoticeKind
from consent.subjects import subject_id_of

# --- Notices ------------------------------------------------------------------


def notice_language(*, language: str | None = None) -> str:
    """The language code a notice is shown in: the active one if we publish in it."""
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def _published(notice: Notice | None) -> QuerySet[NoticeVersion]:
    if notice is None:
        return NoticeVersion.objects.none()
    return NoticeVersion.objects.filter(kind=notice.kind, purpose=notice.purpose).order_by(
        "-published_at", "-id"
    )


def notice_version_latest(*, notice: Notice, language: str) -> NoticeVersion | None:
    """The newest published text of `notice` in exactly `language` (for the checks)."""
    return _published(notice).filter(language=language).first()


def notice_version_current(*, notice: Notice | None, language: str | None = None) -> NoticeVersion | None:
    """The text to show now: the active language, else the default language.

    A purpose notice counts only if it describes the purpose's current material
    version; otherwise there is nothing valid to consent to (A6) and None is
    returned, so no screen is shown and nothing is recorded.
    """
    if notice is None:
        return None
    wanted = notice_language(language=language)
    for code in dict.fromkeys([wanted, notice_language(language=settings.LANGUAGE_CODE)]):
        version = notice_version_latest(notice=notice, language=code)
        if version is None:
            continue
        if notice.kind == NoticeKind.PURPOSE and version.material_version != notice.material_version:
            return None
        return version
    return None


def privacy_policy_current(*, language: str | None = None) -> NoticeVersion | None:
    return notice_version_current(notice=notices.privacy_policy_notice(), language=language)


# Read on every signed-in request by the first-run gate: cached, and dropped
# by consent.services when a notice is published. The short timeout bounds
# staleness where the cache is per process (no REDIS_URL).
POLICY_LABEL_CACHE_KEY = "consent:privacy_policy_current_label"
POLICY_LABEL_CACHE_SECONDS = 60


def privacy_policy_current_label() -> str | None:
    """The version label everyone must have acknowledged (A2, A3, A6)."""
    label = cache.get(POLICY_LABEL_CACHE_KEY)
    if label is None:
        label = (
            _published(notices.privacy_policy_notice()).values_list("version", flat=True).first()
        )  # newest
        if label is not None:
            cache.set(POLICY_LABEL_CACHE_KEY, label, POLICY_LABEL_CACHE_SECONDS)
    return label


def privacy_policy_versions(*, language: str | None = None) -> list[NoticeVersion]:
    """Every published policy text in the reader's language, newest first (A6)."""
    return list(
        _published(notices.privacy_policy_notice()).filter(language=notice_language(language=language))
    )


def purpose_notice_current(*, purpose: str, language: str | None = None) -> NoticeVersion | None:
    notice = notices.notice_for_purpose(purpose)
    if notice is None:
        return None
    return notice_version_current(notice=notice, language=language)


def purpose_notices_current(*, language: str | None = None) -> list[NoticeVersion]:
    found = (purpose_notice_current(purpose=p.code, language=language) for p in purposes.consent_purposes())
    return [version for version in found if version is not None]


def notice_version_get(*, pk) -> NoticeVersion | None:
    try:
        return NoticeVersion.objects.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


def notice_version_is_current_policy(*, notice_version: NoticeVersion | None) -> bool:
    return (
        notice_version is not None
        and notice_version.kind == NoticeKind.PRIVACY_POLICY
        and notice_version.version == privacy_policy_current_label()
    )


def notice_version_is_current_for_purpose(*, notice_version: NoticeVersion | None, purpose: str) -> bool:
    purpose_obj = purposes.get_purpose(purpose)
    return (
        notice_version is not None
        and notice_version.kind == NoticeKind.PURPOSE
        and notice_version.purpose == purpose
        and notice_version.material_version == purpose_obj.material_version
    )


# --- Decisions ----------------------------------------------------------------


def _subject_records(*, user) -> QuerySet[ConsentRecord]:
    subject_id = subject_id_of(user)
    if subject_id is None:
        return ConsentRecord.objects.none()
    return ConsentRecord.objects.filter(subject_id=subject_id)


def _latest(*, user, purpose: str) -> ConsentRecord | None:
    return (
        _subject_records(user=user)
        .filter(purpose=purpose)
        .select_related("notice_version")
        .order_by("-sequence")
        .first()
    )


def consent_current_decision(*, user, purpose: str) -> str | None:
    """The latest decision ("granted", "declined", "withdrawn"), whatever its version."""
    purposes.get_purpose(purpose)
    record = (
        _subject_records(user=user)
        .filter(purpose=purpose)
        .exclude(decision=Decision.ACKNOWLEDGED)
        .order_by("-sequence")
        .values_list("decision", flat=True)
        .first()
    )
    return record


def request_client_ip(*, request) -> str:
    """The client address recorded (truncated) in the ledger (E1).

    The host names one function in CONSENT_CLIENT_IP_FUNCTION (dotted path,
    called with the request) so that the ledger sees the address its rate
    limits see behind a proxy; without it, REMOTE_ADDR.
    """
    path = app_settings.CLIENT_IP_FUNCTION
    if path:
        return import_string(path)(request) or ""
    return request.META.get("REMOTE_ADDR", "")


def consent_is_granted(*, user, purpose: str) -> bool:
    """True only if the latest decision is a grant for the current material version (A6, B6)."""
    purpose_obj = purposes.get_purpose(purpose)
    if not purpose_obj.needs_consent:
        return False
    # Only the two values needed: this runs on every personalized page.
    latest = (
        _subject_records(user=user)
        .filter(purpose=purpose)
        .order_by("-sequence")
        .values_list("decision", "notice_version__material_version")
        .first()
    )
    return latest == (Decision.GRANTED, purpose_obj.material_version)


def consent_standing(*, user, purpose: str) -> str:
    """Where the person stands, in one query: "granted", "declined", "withdrawn" or "undecided".

    "granted" only for the current material version (A6); a grant of an
    earlier version, like no decision at all, is "undecided". Screens use it to
    say truthfully why something is off (D5).
    """
    purpose_obj = purposes.get_purpose(purpose)
    if not purpose_obj.needs_consent or not getattr(user, "is_authenticated", False):
        return "undecided"
    latest = (
        _subject_records(user=user)
        .filter(purpose=purpose)
        .exclude(decision=Decision.ACKNOWLEDGED)
        .order_by("-sequence")
        .values_list("decision", "notice_version__material_version")
        .first()
    )
    if latest is None:
        return "undecided"
    decision, material_version = latest
    if decision == Decision.GRANTED:
        return "granted" if material_version == purpose_obj.material_version else "undecided"
    return str(decision)


def consent_screen_is_due(*, user, purpose: str) -> bool:
    """No decision yet for the current material version: ask once (B5, A6).

    False when there is no valid notice to show: nobody is asked, so nothing
    optional is processed, rather than asking with a text that was never
    published.
    """
    purpose_obj = purposes.get_purpose(purpose)
    if not getattr(user, "is_authenticated", False) or not purpose_obj.needs_consent:
        return False
    # The person's own decision first: for everyone who decided (most page
    # views), the notice text is never loaded.
    decided = (
        _subject_records(user=user)
        .filter(purpose=purpose, notice_version__material_version=purpose_obj.material_version)
        .exclude(decision=Decision.ACKNOWLEDGED)
        .exists()
    )
    return not decided and purpose_notice_current(purpose=purpose) is not None


def consent_decided_on_earlier_version(*, user, purpose: str) -> bool:
    """The person decided before the last material change: tell them what changed (A6)."""
    purpose_obj = purposes.get_purpose(purpose)
    record = _latest(user=user, purpose=purpose)
    return record is not None and record.notice_version.material_version < purpose_obj.material_version


def policy_acknowledgment_is_current(*, user) -> bool:
    """The person acknowledged the current privacy policy version (A2, A3)."""
    label = privacy_policy_current_label()
    if label is None:
        return False
    return (
        _subject_records(user=user)
        .filter(
            decision=Decision.ACKNOWLEDGED,
            notice_version__kind=NoticeKind.PRIVACY_POLICY,
            notice_version__version=label,
        )
        .exists()
    )


def policy_acknowledged_earlier_version(*, user) -> bool:
    """The person acknowledged some policy version before the current one: tell them what changed (A6)."""
    label = privacy_policy_current_label()
    return (
        _subject_records(user=user)
        .filter(decision=Decision.ACKNOWLEDGED, notice_version__kind=NoticeKind.PRIVACY_POLICY)
        .exclude(notice_version__version=label)
        .exists()
    )


def consent_first_run_url(*, user) -> str | None:
    """Where a person goes after signing up or in, if consent asks anything of them.

    First the current privacy policy (A2, A3, A6), then the consent screen
    of each purpose declared `asked_at_first_run`, one at a time, once per
    material version (B1, B5). None: nothing to ask.
    """
    if not policy_acknowledgment_is_current(user=user):
        return reverse("consent:acknowledge")
    for purpose in purposes.consent_purposes():
        if purpose.asked_at_first_run and consent_screen_is_due(user=user, purpose=purpose.code):
            return reverse("consent:screen", args=[purpose.code])
    return None


def consent_records_for_user(*, user) -> QuerySet[ConsentRecord]:
    """The person's own history, newest first (E2)."""
    return _subject_records(user=user).select_related("notice_version").order_by("-sequence")


# --- Privacy centre ---------------------------------------------------

# Design: a ready copy made in the last 10 minutes is handed out again instead
# of building a new one, and at most 5 copies are made in 24 hours: each copy
# is a full collection and a stored file, so unlimited requests were a cheap
# way to fill the database. The person always gets a copy, or the time of the next.
EXPORT_REUSE_WINDOW = timedelta(minutes=10)
EXPORT_LIMIT = 5
EXPORT_LIMIT_WINDOW = timedelta(hours=24)
# An export lists when the earlier copies were made, the latest few only,
# never their contents, so a copy does not grow with the number of copies.
EXPORT_HISTORY_LENGTH = 10
EXPORT_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class PurposeState:
    """One row of the privacy centre: a purpose and where the person stands (B6, B7, D5)."""

    purpose: purposes.Purpose
    decision: str | None
    granted: bool
    # After a withdrawal: "being_deleted" while the purpose's data remains in
    # storage, "deleted" once it is gone; else "".
    data_state: str = ""

    @property
    def needs_consent(self) -> bool:
        return self.purpose.needs_consent


def _withdrawn_data_state(*, user, purpose: str, decision: str | None, granted: bool) -> str:
    """After a withdrawal: is the purpose's data still stored (D3, D5)?

    Asked of the registry, so the consent app needs to know nothing about
    what each purpose's data is; a refusal never had any data to erase.
    """
    from consent import registry

    categories = registry.categories_for_purpose(purpose)
    if granted or decision != Decision.WITHDRAWN or not categories:
        return ""
    # D5: "deleted" only once the data is really gone from storage.
    if any(category.export(user) for category in categories):
        return "being_deleted"
    return "deleted"


def privacy_centre_purposes(*, user) -> list[PurposeState]:
    states = []
    for purpose in purposes.PURPOSES.values():
        if not purpose.needs_consent:
            states.append(PurposeState(purpose=purpose, decision=None, granted=False))
            continue
        decision = consent_current_decision(user=user, purpose=purpose.code)
        granted = consent_is_granted(user=user, purpose=purpose.code)
        data_state = _withdrawn_data_state(
            user=user, purpose=purpose.code, decision=decision, granted=granted
        )
        states.append(
            PurposeState(purpose=purpose, decision=decision, granted=granted, data_state=data_state)
        )
    return states


def consent_record_for_user(*, user, record_id) -> ConsentRecord | None:
    """One of the person's own records; None for anybody else's (E2)."""
    try:
        return consent_records_for_user(user=user).filter(pk=record_id).first()
    except (ValueError, ValidationError):
        return None


def consent_grantee_subject_ids(*, purpose: str) -> set:
    """Subject ids whose latest decision for `purpose` is a grant for its current version (B6)."""
    purpose_obj = purposes.get_purpose(purpose)
    # Positions count within each subject's chain, so "latest" is per subject.
    latest = (
        ConsentRecord.objects.filter(subject_id=OuterRef("subject_id"), purpose=purpose)
        .exclude(decision=Decision.ACKNOWLEDGED)
        .order_by("-sequence")
        .values("id")[:1]
    )
    return set(
        ConsentRecord.objects.filter(
            purpose=purpose,
            id=Subquery(latest),
            decision=Decision.GRANTED,
            notice_version__material_version=purpose_obj.material_version,
        ).values_list("subject_id", flat=True)
    )


def consent_stale_grant_subject_ids(*, purpose: str) -> set:
    """Subject ids whose latest decision is a grant for an older material version (A6).

    Such a grant stopped counting when the purpose changed materially; what it
    covered is kept only for the grace period (`services.stale_grants_erase`).
    """
    purpose_obj = purposes.get_purpose(purpose)
    # Positions count within each subject's chain, so "latest" is per subject.
    latest = (
        ConsentRecord.objects.filter(subject_id=OuterRef("subject_id"), purpose=purpose)
        .exclude(decision=Decision.ACKNOWLEDGED)
        .order_by("-sequence")
        .values("id")[:1]
    )
    return set(
        ConsentRecord.objects.filter(
            purpose=purpose,
            id=Subquery(latest),
            decision=Decision.GRANTED,
            notice_version__material_version__lt=purpose_obj.material_version,
        ).values_list("subject_id", flat=True)
    )


def purpose_material_version_published_at(*, purpose: str):
    """When the notice of the purpose's current material version was first published, or None (A6)."""
    purpose_obj = purposes.get_purpose(purpose)
    return (
        NoticeVersion.objects.filter(
            kind=NoticeKind.PURPOSE, purpose=purpose, material_version=purpose_obj.material_version
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def consent_receipt(*, record: ConsentRecord, policy_url: str, notice_url: str) -> dict:
    """A Kantara Initiative Consent Receipt (v1.1 fields that apply) for one record (E2).

    `policyUrl` and the notice link are absolute URLs built by the view.
    """
    from consent import ledger

    purpose = purposes.get_purpose(record.purpose)
    # What a person needs to check this record offline with consent/verify_receipt.py:
    # its hashed fields, its chain up to a signed checkpoint, and that checkpoint (E5).
    proof = ledger.record_proof(record=record)
    return {
        "version": "KI-CR-v1.1.0",
        "jurisdiction": app_settings.JURISDICTION,
        "consentTimestamp": int(record.created_at.timestamp()),
        "collectionMethod": f"web form: {record.surface}",
        "consentReceiptID": str(record.id),
        # The key that signed the checkpoint this receipt is proven against.
        "publicKey": proof["checkpoint"]["publicKey"] if proof["checkpoint"] else None,
        "language": record.language,
        "piiPrincipalId": str(record.subject_id),
        "piiControllers": [pii_controller()],
        "policyUrl": policy_url,
        "services": [
            {
                "service": app_settings.SERVICE_NAME,
                "purposes": [
                    {
                        "purpose": str(purpose.title),
                        "purposeCategory": [purpose.code],
                        "consentType": "EXPLICIT" if purpose.needs_consent else "NOTICE",
                        "piiCategory": [str(category) for category in purpose.data_categories],
                        "primaryPurpose": not purpose.needs_consent,
                        "termination": str(purpose.retention),
                        "thirdPartyDisclosure": bool(purpose.recipients),
                        "thirdPartyName": [str(recipient) for recipient in purpose.recipients],
                    }
                ],
            }
        ],
        "sensitive": False,
        "spiCat": [],
        # Extensions: what was decided, on which exact text, and where the
        # record sits in its subject's tamper-evident chain (E1, E5).
        "decision": record.decision,
        "noticeVersion": record.notice_version.version,
        "noticeUrl": notice_url,
        "noticeSha256": record.notice_sha256,
        "recordSequence": record.sequence,
        "recordHash": record.record_hash,
        "ledgerProof": proof,
    }


def pii_controller() -> dict[str, str]:
    """The controller in Kantara Consent Receipt fields, from CONSENT_CONTROLLER (A4, D6).

    The privacy contact page, every receipt and every copy of a person's data
    show the same identity, the one the host's privacy policy names.
    """
    controller = app_settings.CONTROLLER
    return {
        "piiController": controller["name"],
        "contact": controller["contact"],
        "address": controller["address"],
        "email": controller["email"],
        "phone": controller["phone"],
        "piiControllerUrl": controller["url"],
    }


# --- Copy of my data (D1) -------------------------------------------------------


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    label: str
    description: str
    on_erasure: str
    kept_after_erasure: bool
    data: Any
    field_labels: dict[str, str]

    @property
    def rows(self) -> list[dict]:
        return self.data if isinstance(self.data, list) else [self.data] if self.data else []

    @property
    def is_list(self) -> bool:
        return isinstance(self.data, list)

    @property
    def columns(self) -> list[tuple[str, str]]:
        keys: dict[str, None] = {}
        for row in self.rows:
            keys.update(dict.fromkeys(row))
        return [(key, self.field_labels.get(key, key)) for key in keys]

    @property
    def readable_columns(self) -> list[tuple[str, str]]:
        """The columns a person reads: a code is left out where its label (`<key>_label`) is given."""
        columns = self.columns
        keys = {key for key, _label in columns}
        return [(key, label) for key, label in columns if f"{key}_label" not in keys]


def personal_data_sections(
    *, user, on_progress: Callable[[int, int], None] | None = None
) -> list[PersonalDataSection]:
    """Everything held about the person, category by category, from the registry (D1).

    The readable page and the JSON file are both built from this, so they
    cannot disagree on what is held.
    """
    from consent import registry

    declared = registry.categories()
    sections = []
    for done, category in enumerate(declared, start=1):
        sections.append(
            PersonalDataSection(
                key=category.key,
                label=str(category.label),
                description=str(category.description),
                on_erasure=str(category.on_erasure),
                kept_after_erasure=category.kept_after_erasure,
                data=category.export(user),
                field_labels={key: str(label) for key, label in category.field_labels.items()},
            )
        )
        if on_progress is not None:
            on_progress(done, len(declared))
    return sections


def personal_data_document(*, user, sections: list[PersonalDataSection], generated_at) -> dict:
    """The JSON export: a schema version, the controller, then one entry per category."""
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generated_at": generated_at.isoformat(),
        "controller": pii_controller(),
        "subject_id": str(subject_id_of(user, create=True)),
        "categories": {
            section.key: {
                "label": section.label,
                "description": section.description,
                "kept_after_account_erasure": section.kept_after_erasure,
                "data": section.data,
            }
            for section in sections
        },
    }


def data_export_for_owner(*, user, export_id) -> DataExport | None:
    """The export, only if it belongs to `user` and has not expired (D1: served to its owner only)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return DataExport.objects.filter(pk=export_id, user=user, expires_at__gt=timezone.now()).first()
    except (ValueError, ValidationError):
        return None


def data_exports_of(*, user) -> QuerySet[DataExport]:
    return DataExport.objects.filter(user=user, expires_at__gt=timezone.now()).defer("content")


def data_export_recent_ready(*, user, now=None) -> DataExport | None:
    """A ready copy made within EXPORT_REUSE_WINDOW: given again rather than rebuilt."""
    now = now or timezone.now()
    return (
        data_exports_of(user=user)
        .filter(status=DataExport.Status.READY, created_at__gt=now - EXPORT_REUSE_WINDOW)
        .order_by("-created_at")
        .first()
    )


def data_export_retry_after(*, user, now=None) -> int:
    """Seconds until another copy may be made; 0 when one may be made now (Design, D1)."""
    now = now or timezone.now()
    recent = list(
        DataExport.objects.filter(user=user, created_at__gt=now - EXPORT_LIMIT_WINDOW)
        .exclude(status=DataExport.Status.FAILED)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:EXPORT_LIMIT]
    )
    if len(recent) < EXPORT_LIMIT:
        return 0
    return max(1, int((recent[-1] + EXPORT_LIMIT_WINDOW - now).total_seconds()) + 1)


def data_export_in_progress(*, user) -> DataExport | None:
    """An export still being prepared, and not stalled (a stalled one is never reused)."""
    return (
        data_exports_of(user=user)
        .filter(
            status__in=[DataExport.Status.PENDING, DataExport.Status.RUNNING],
            created_at__gt=timezone.now() - app_settings.EXPORT_STALLED_AFTER,
        )
        .first()
    )


# --- Staff access log (E3) ------------------------------------------------------


def staff_access_entries_about(*, user) -> QuerySet[StaffAccessLogEntry]:
    subject_id = subject_id_of(user)
    if subject_id is None:
        return StaffAccessLogEntry.objects.none()
    return StaffAccessLogEntry.objects.filter(subject_id=subject_id).order_by("-created_at")
