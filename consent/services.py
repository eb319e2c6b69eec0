"""Writes of the consent app: publishing notices and appending decisions to the ledger."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation

from consent import ledger, notices, purposes, selectors
from consent.app_settings import app_settings
from consent.models import (
    ConsentRecord,
    DataExport,
    Decision,
    NoticeVersion,
    StaffAccessLogEntry,
)
from consent.notices import Notice
from consent.signals import consent_granted, consent_withdrawn
from consent.subjects import subject_id_of, users_with_subject_ids

USER_AGENT_MAX_LENGTH = 120


class NoticeError(Exception):
    """A notice cannot be published or used as given (A6)."""


class UnannouncedNoticeChangeError(NoticeError):
    """The template changed but the version did not: refuse to overwrite history."""


class StaleNoticeError(NoticeError):
    """The notice the person saw is no longer the current one: ask again."""


class PolicyNotAcknowledgedError(NoticeError):
    """A grant was asked for by someone who has not acknowledged the current policy.

    Granting anything comes after the policy has been read (A2, A3, A6), on
    every path (a view, an API, a task), so the rule lives here. Withdrawing,
    declining, the copy of one's data and cancelling never wait for it.
    """


class ExportLimitReached(Exception):
    """Too many copies of my data asked for in the window (Design; D1 stays self-service).

    `retry_after` is the number of seconds until the next copy may be made.
    """

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many copies requested; try again in {retry_after} s.")
        self.retry_after = retry_after


# --- Publishing notices -----------------------------------------------------------


@dataclass(frozen=True)
class PublishResult:
    notice_version: NoticeVersion
    created: bool


def notice_version_publish(*, notice: Notice, language: str) -> PublishResult:
    """Store the rendered text of `notice` in `language` as a version, once (idempotent).

    Raises UnannouncedNoticeChangeError if this version label was already
    published with a different text or for another material version.
    """
    text = notice.render(language)
    digest = notices.text_sha256(text)
    with transaction.atomic():
        existing = NoticeVersion.objects.filter(
            kind=notice.kind, purpose=notice.purpose, version=notice.version, language=language
        ).first()
        if existing is not None:
            if existing.sha256 != digest or existing.material_version != notice.material_version:
                raise UnannouncedNoticeChangeError(
                    f"{notice.template_name(language)} differs from the published version "
                    f"{notice.version}; raise the version of the notice where it is declared "
                    "(and the purpose's material_version if the change is material) before publishing."
                )
            return PublishResult(notice_version=existing, created=False)
        version = NoticeVersion(
            kind=notice.kind,
            purpose=notice.purpose,
            version=notice.version,
            material_version=notice.material_version,
            language=language,
            effective_date=notice.effective,
            text=text,
            sha256=digest,
            published_at=timezone.now(),
        )
        version.save()
    # A new policy version gates everyone again at once (A6).
    transaction.on_commit(lambda: cache.delete(selectors.POLICY_LABEL_CACHE_KEY))
    cache.delete(selectors.POLICY_LABEL_CACHE_KEY)
    return PublishResult(notice_version=version, created=True)


def notices_publish_all() -> list[PublishResult]:
    """Publish every declared notice in every language of settings.LANGUAGES."""
    with transaction.atomic():
        return [
            notice_version_publish(notice=notice, language=language)
            for notice in notices.NOTICES
            for language in notices.language_codes()
        ]


# --- The ledger ---------------------------------------------------------------------


def ip_truncate(value: str | None) -> str:
    """IPv4 to its /24, IPv6 to its /48: enough to spot abuse, not to find a home (E1)."""
    if not value:
        return ""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def user_agent_truncate(value: str | None) -> str:
    return (value or "")[:USER_AGENT_MAX_LENGTH]


def _append(
    *,
    user,
    purpose: str,
    decision: str,
    notice_version: NoticeVersion,
    request: HttpRequest | None,
    surface: str,
) -> ConsentRecord:
    if not getattr(user, "is_authenticated", False):
        raise ValueError("Consent decisions are recorded for signed-up accounts only.")
    subject_id = subject_id_of(user, create=True)
    meta = request.META if request is not None else {}
    client_address = selectors.request_client_ip(request=request) if request is not None else ""
    # Locks only this person's chain (E1): see consent.ledger for why.
    return ledger.record_append(
        subject_id=subject_id,
        purpose=purpose,
        decision=decision,
        notice_version=notice_version,
        notice_sha256=notice_version.sha256,
        language=notice_version.language,
        surface=surface,
        ip_truncated=ip_truncate(client_address),
        user_agent=user_agent_truncate(meta.get("HTTP_USER_AGENT")),
    )


def _purpose_notice(*, purpose: str, notice_version: NoticeVersion | None) -> NoticeVersion:
    if not purposes.get_purpose(purpose).needs_consent:
        raise ValueError(f"{purpose!r} is not a consent purpose; it needs a notice, not a decision.")
    if notice_version is None:
        notice_version = selectors.purpose_notice_current(purpose=purpose)
    if not selectors.notice_version_is_current_for_purpose(notice_version=notice_version, purpose=purpose):
        raise StaleNoticeError(f"No current published notice for {purpose!r}.")
    return notice_version


def policy_acknowledge(
    *,
    user,
    request: HttpRequest | None = None,
    surface: str,
    notice_version: NoticeVersion | None = None,
) -> ConsentRecord:
    """Record that the person read the privacy policy version they were shown (A3).

    This is an acknowledgment of a notice, not consent to anything (B1): the
    account purpose rests on the contract.
    """
    if notice_version is None:
        notice_version = selectors.privacy_policy_current()
    if not selectors.notice_version_is_current_policy(notice_version=notice_version):
        raise StaleNoticeError("The privacy policy shown is not the current version.")
    primary = purposes.primary_purpose()
    if primary is None:
        raise NoticeError("No purpose on the contract basis is declared to record the acknowledgment under.")
    return _append(
        user=user,
        purpose=primary.code,
        decision=Decision.ACKNOWLEDGED,
        notice_version=notice_version,
        request=request,
        surface=surface,
    )


def _decide(user, purpose: str, decision: str, request, surface: str, notice_version) -> ConsentRecord:
    """One decision about a consent purpose, on that purpose's notice."""
    return _append(
        user=user,
        purpose=purpose,
        decision=decision,
        notice_version=_purpose_notice(purpose=purpose, notice_version=notice_version),
        request=request,
        surface=surface,
    )


def consent_grant(
    *,
    user,
    purpose: str,
    request: HttpRequest | None = None,
    surface: str,
    notice_version: NoticeVersion | None = None,
) -> ConsentRecord:
    """Record a grant. Raises PolicyNotAcknowledgedError before the current policy is acknowledged."""
    if not selectors.policy_acknowledgment_is_current(user=user):
        raise PolicyNotAcknowledgedError("Acknowledge the current privacy policy before granting anything.")
    record = _decide(user, purpose, Decision.GRANTED, request, surface, notice_version)
    consent_granted.send(sender=ConsentRecord, user=user, purpose=purpose, record=record)
    return record


def consent_decline(
    *,
    user,
    purpose: str,
    request: HttpRequest | None = None,
    surface: str,
    notice_version: NoticeVersion | None = None,
) -> ConsentRecord:
    return _decide(user, purpose, Decision.DECLINED, request, surface, notice_version)


def consent_withdraw(
    *,
    user,
    purpose: str,
    request: HttpRequest | None = None,
    surface: str,
    notice_version: NoticeVersion | None = None,
) -> ConsentRecord:
    """Withdraw a grant; listeners erase what it allowed (D3, PIPL 47(1)(3))."""
    record = _decide(user, purpose, Decision.WITHDRAWN, request, surface, notice_version)
    consent_withdrawn.send(sender=ConsentRecord, user=user, purpose=purpose, record=record)
    return record


def consent_screen_answer(
    *,
    user,
    purpose: str,
    agreed: bool,
    notice_version: NoticeVersion | None,
    request: HttpRequest | None = None,
    surface: str,
) -> ConsentRecord:
    """Agree or Skip on the consent screen.

    Skip is a refusal (`declined`), except when the latest decision is still a
    grant (for example one given before a material change): then it ends that
    grant, as a withdrawal, so the answers it covered are erased (D3, A6).
    """
    if agreed:
        return consent_grant(
            user=user, purpose=purpose, request=request, surface=surface, notice_version=notice_version
        )
    if selectors.consent_current_decision(user=user, purpose=purpose) == Decision.GRANTED:
        return consent_withdraw(
            user=user, purpose=purpose, request=request, surface=surface, notice_version=notice_version
        )
    return consent_decline(
        user=user, purpose=purpose, request=request, surface=surface, notice_version=notice_version
    )


# --- Staff access log (E3) -------------------------------------------------------


def staff_access_record(*, staff, subject, page: str) -> StaffAccessLogEntry:
    """Log that a staff member opened a person's data: who, when, whose, which page (E3, PIPL 51)."""
    entry = StaffAccessLogEntry(
        staff_subject_id=subject_id_of(staff, create=True),
        subject_id=subject_id_of(subject, create=True),
        page=page[:128],
        created_at=timezone.now(),
    )
    entry.save()
    return entry


# --- Copy of my data (D1) ------------------------------------------------------------


def data_export_request(*, user, language: str | None = None) -> DataExport:
    """Ask for a JSON copy, built by the task runner (CONSENT_TASK_RUNNER).

    An export still being prepared, or one made within EXPORT_REUSE_WINDOW,
    is returned instead of a new one; past EXPORT_LIMIT copies in
    EXPORT_LIMIT_WINDOW, ExportLimitReached is raised (Design: each copy
    costs a full collection and storage; the person still gets their data).
    One that stalled (its task lost, a worker gone) is marked failed first,
    so asking again starts a fresh one: a copy never stays stuck (D1, D5).
    """
    from consent.runners import get_runner

    data_exports_fail_stalled(user=user)
    existing = selectors.data_export_in_progress(user=user) or selectors.data_export_recent_ready(user=user)
    if existing is not None:
        return existing
    retry_after = selectors.data_export_retry_after(user=user)
    if retry_after:
        raise ExportLimitReached(retry_after)
    now = timezone.now()
    export = DataExport.objects.create(
        user=user,
        created_at=now,
        expires_at=now + app_settings.EXPORT_LIFETIME,
        language=selectors.notice_language(language=language),
    )
    runner = get_runner()
    export_id = str(export.pk)
    transaction.on_commit(lambda: runner.data_export_build(export_id=export_id))
    return export


def data_export_build(*, export_id) -> DataExport | None:
    """Collect every declared category into the export's JSON file. Idempotent.

    Progress is saved after each category so the status page can show it;
    running it again after a crash starts the collection over.
    """
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status == DataExport.Status.READY:
        return export

    def progress(done: int, total: int) -> None:
        export.progress = min(99, done * 100 // max(total, 1))
        export.save(update_fields=["progress"])

    export.status = DataExport.Status.RUNNING
    export.progress = 0
    export.save(update_fields=["status", "progress"])
    with translation.override(export.language):
        sections = selectors.personal_data_sections(user=export.user, on_progress=progress)
        now = timezone.now()
        document = selectors.personal_data_document(user=export.user, sections=sections, generated_at=now)
    export.content = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    export.status = DataExport.Status.READY
    export.progress = 100
    export.finished_at = now
    export.save(update_fields=["content", "status", "progress", "finished_at"])
    return export


def data_export_fail(*, export_id) -> None:
    """The task gave up: say so on the status page instead of "being prepared" forever (D5)."""
    DataExport.objects.filter(pk=export_id).exclude(status=DataExport.Status.READY).update(
        status=DataExport.Status.FAILED
    )


def data_exports_fail_stalled(*, user=None, now=None) -> int:
    """Mark failed every copy still not ready after CONSENT_EXPORT_STALLED_AFTER (D1, D5)."""
    cutoff = (now or timezone.now()) - app_settings.EXPORT_STALLED_AFTER
    stalled = DataExport.objects.filter(
        status__in=[DataExport.Status.PENDING, DataExport.Status.RUNNING], created_at__lte=cutoff
    )
    if user is not None:
        stalled = stalled.filter(user=user)
    return stalled.update(status=DataExport.Status.FAILED)


def data_exports_erase(*, user) -> int:
    deleted, _ = DataExport.objects.filter(user=user).delete()
    return deleted


def data_exports_purge_expired(*, now) -> int:
    """Copies are kept CONSENT_EXPORT_LIFETIME, then deleted with their content (E4)."""
    deleted, _ = DataExport.objects.filter(expires_at__lte=now).delete()
    return deleted


def staff_access_log_purge_expired(*, now) -> int:
    return StaffAccessLogEntry.objects.purge_older_than(now - STAFF_ACCESS_LOG_RETENTION)


# Design: staff access entries are kept 3 years, like the ledger after an
# account is erased, then deleted (E4; listed in the privacy policy).
STAFF_ACCESS_LOG_RETENTION = timedelta(days=3 * 365)


# --- Account cancellation and erasure (D4) ----------------------------------------


def account_cancel(*, user, request: HttpRequest | None = None) -> bool:
    """Cancel an account: end every grant, sign out, stop it now, erase it in the background (D4).

    What must not wait runs here, in the request: each grant still standing is
    withdrawn in the ledger (the record shows consent ended with the account),
    every category's `on_cancel` runs (for example the host frees a login
    identifier so the same person can sign up again at once), the account is
    deactivated (which signs out every other session) and this session ends. The
    rest is erased by the task runner once this has committed.

    It runs at most once per account, however many submits race: the
    account's row is locked first and a cancelled (inactive) account is left
    as it is, so the ledger gets one `withdrawn` per purpose and one erasure
    is queued. Returns False when the account was already cancelled.
    """
    from django.contrib.auth import get_user_model, logout

    from consent.runners import get_runner

    with transaction.atomic():
        locked = get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
        if locked is None or not getattr(locked, "is_active", True):
            if request is not None:
                logout(request)
            return False
        _account_cancel_locked(user=user, request=request)
    if request is not None:
        logout(request)
    user_id = user.pk
    runner = get_runner()
    transaction.on_commit(lambda: runner.account_erase(user_id=user_id))
    return True


def _account_cancel_locked(*, user, request: HttpRequest | None) -> None:
    from consent import registry

    for purpose in purposes.consent_purposes():
        if selectors.consent_is_granted(user=user, purpose=purpose.code):
            consent_withdraw(user=user, purpose=purpose.code, request=request, surface="account_cancellation")
    for category in registry.categories():
        if category.on_cancel is not None:
            category.on_cancel(user)
    if getattr(user, "is_active", False):
        # The account stops at once, whatever the host's categories do: only
        # a deactivated account is ever erased (account_erase_cancelled).
        user.is_active = False
        user.save(update_fields=["is_active"])


def account_erase(*, user) -> None:
    """Erase everything the registry declares about one account, the account itself last (D4).

    Each category is erased in its own transaction and every eraser is
    idempotent, so a worker killed half-way leaves a consistent, partly
    erased account that the retried task finishes. Categories kept by law
    (the ledger, the staff access log) stay, linked to nobody once the
    account is gone.
    """
    from consent import registry

    for category in registry.categories():
        if category.kept_after_erasure:
            continue
        with transaction.atomic():
            category.erase(user)


# --- Retention (E4) ----------------------------------------------------------------


def retention_purge(*, now=None) -> dict[str, int]:
    """Run every declared retention rule once; returns how many rows each removed.

    Whole accounts past their retention (signups never verified) are erased
    through every category, exactly as a cancellation would; then each
    category purges its own expired rows.
    """
    from consent import registry

    now = now or timezone.now()
    counts: dict[str, int] = {}
    for category in registry.categories():
        if category.expired_accounts is None:
            continue
        erased = 0
        for user in list(category.expired_accounts(now)):
            account_erase(user=user)
            erased += 1
        counts[f"{category.key}:expired_accounts"] = erased
    counts["consent:stale_grants"] = stale_grants_erase(now=now)
    for category in registry.categories():
        if category.purge_expired is not None:
            with transaction.atomic():
                counts[category.key] = category.purge_expired(now)
    return counts


def account_erase_cancelled(*, user_id) -> bool:
    """Erase a cancelled account by id, for the task runners (D4). Idempotent.

    Returns False when there is nothing left to erase (a retry after the
    account row went, or a duplicate delivery), and refuses an active
    account: only a cancelled (deactivated) account is ever erased here;
    anything else is a bug in the caller, not a reason to delete someone.
    """
    import logging

    from django.contrib.auth import get_user_model

    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if user is None:
        return False
    if getattr(user, "is_active", False):
        logging.getLogger(__name__).error(
            "Refusing to erase active account id=%s: it was not cancelled.", user_id
        )
        return False
    account_erase(user=user)
    return True


# Design: after a material change to a purpose, the data an older grant covered
# is kept this long for the person to agree again, then erased (A6; PIPL 14(2):
# a changed purpose needs fresh consent; PIPL 47(1)(1): data no longer covered
# by a purpose is deleted). Stated in the privacy policy.
STALE_GRANT_GRACE_DAYS = 30


def stale_grant_grace() -> timedelta:
    from django.conf import settings

    return timedelta(days=getattr(settings, "CONSENT_STALE_GRANT_GRACE_DAYS", STALE_GRANT_GRACE_DAYS))


def stale_grants_erase(*, now) -> int:
    """Erase what only a stale grant still covers, once the grace period is over (A6).

    For each consent purpose whose current material version was published more
    than the grace period ago, everyone whose latest decision is still a grant
    for an older version has that purpose's data (the registry's categories of
    the purpose) erased. Agreeing again before then, on the current notice,
    keeps it; skipping on the consent screen erases it at once (a withdrawal).
    No ledger record is written: the person made no decision. Returns how many
    accounts had data erased; idempotent.
    """

    from consent import registry

    erased = 0
    for purpose in purposes.consent_purposes():
        categories = registry.categories_for_purpose(purpose.code)
        if not categories:
            continue
        published_at = selectors.purpose_material_version_published_at(purpose=purpose.code)
        if published_at is None or published_at > now - stale_grant_grace():
            continue
        subject_ids = selectors.consent_stale_grant_subject_ids(purpose=purpose.code)
        if not subject_ids:
            continue
        for user in users_with_subject_ids(subject_ids).iterator(chunk_size=500):
            holding = [category for category in categories if category.export(user)]
            for category in holding:
                with transaction.atomic():
                    category.erase(user)
            erased += bool(holding)
    return erased
