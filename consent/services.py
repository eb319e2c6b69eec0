"""Writes of the consent app: publishing notices and appending decisions to the ledger."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone

from consent import notices, purposes, selectors
from consent.models import GENESIS_HASH, ConsentRecord, Decision, NoticeVersion
from consent.notices import Notice
from consent.signals import consent_granted, consent_withdrawn

# Any fixed 64-bit number; only the ledger uses it (pg_advisory_xact_lock).
LEDGER_LOCK_KEY = 0x4C52_4C45_4447_4552  # "LRLEDGER"
USER_AGENT_MAX_LENGTH = 120


class NoticeError(Exception):
    """A notice cannot be published or used as given (A6)."""


class UnannouncedNoticeChangeError(NoticeError):
    """The template changed but the version did not: refuse to overwrite history."""


class StaleNoticeError(NoticeError):
    """The notice the person saw is no longer the current one: ask again."""


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
                    f"{notice.version}; raise the version in consent/notices.py (and the purpose's "
                    "material_version if the change is material) before publishing."
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


def _lock_ledger() -> None:
    """Serialize appends so that two decisions never read the same head (no fork).

    PostgreSQL: a transaction-scoped advisory lock, released at commit. SQLite
    allows one writer at a time. On any backend the unique `sequence` and
    `prev_hash` columns turn a race that got through into an error, not a fork.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LEDGER_LOCK_KEY])


def _append(
    *,
    user,
    purpose: str,
    decision: str,
    notice_version: NoticeVersion,
    request: HttpRequest | None,
    surface: str,
) -> ConsentRecord:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "subject_id", None):
        raise ValueError("Consent decisions are recorded for signed-up accounts only.")
    meta = request.META if request is not None else {}
    with transaction.atomic():
        _lock_ledger()
        head = ConsentRecord.objects.order_by("-sequence").values("sequence", "record_hash").first()
        record = ConsentRecord(
            sequence=(head["sequence"] + 1) if head else 1,
            subject_id=user.subject_id,
            purpose=purpose,
            decision=decision,
            notice_version=notice_version,
            notice_sha256=notice_version.sha256,
            language=notice_version.language,
            surface=surface,
            created_at=timezone.now(),
            ip_truncated=ip_truncate(meta.get("REMOTE_ADDR")),
            user_agent=user_agent_truncate(meta.get("HTTP_USER_AGENT")),
            prev_hash=head["record_hash"] if head else GENESIS_HASH,
        )
        record.record_hash = record.compute_hash()
        record.save()
    return record


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
    return _append(
        user=user,
        purpose=purposes.ACCOUNT,
        decision=Decision.ACKNOWLEDGED,
        notice_version=notice_version,
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
    record = _append(
        user=user,
        purpose=purpose,
        decision=Decision.GRANTED,
        notice_version=_purpose_notice(purpose=purpose, notice_version=notice_version),
        request=request,
        surface=surface,
    )
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
    return _append(
        user=user,
        purpose=purpose,
        decision=Decision.DECLINED,
        notice_version=_purpose_notice(purpose=purpose, notice_version=notice_version),
        request=request,
        surface=surface,
    )


def consent_withdraw(
    *,
    user,
    purpose: str,
    request: HttpRequest | None = None,
    surface: str,
    notice_version: NoticeVersion | None = None,
) -> ConsentRecord:
    """Withdraw a grant; listeners erase what it allowed (D3, PIPL 47(1))."""
    record = _append(
        user=user,
        purpose=purpose,
        decision=Decision.WITHDRAWN,
        notice_version=_purpose_notice(purpose=purpose, notice_version=notice_version),
        request=request,
        surface=surface,
    )
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
