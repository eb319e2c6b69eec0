"""Writes of onboarding data: accounts, phone numbers, outgoing SMS, profile answers."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from allauth.core import ratelimit
from django.contrib.auth.hashers import make_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from consent import selectors as consent_selectors
from onboarding import consent_purposes
from onboarding.models import LearnerProfile, OutboundSms, User
from onboarding.phone import phone_normalize
from onboarding.selectors import PROFILE_ANSWER_FIELDS


def user_set_phone(*, user: User, phone: str, verified: bool) -> None:
    """Store the number, as given by allauth after it has been normalised.

    The change-phone flow calls this (through the adapter) with the new number,
    so it always writes the number as well as the flag.
    """
    user.phone = phone
    user.phone_verified = verified
    if user.pk:
        user.save(update_fields=["phone", "phone_verified"])


class SmsUnavailable(Exception):
    """The message broker does not answer, so no SMS can be queued.

    Raised before anything is committed: the request fails as a whole (503),
    and no account is left waiting for a code that was never sent.
    """


def _broker_check() -> None:
    from config.celery import app

    if app.conf.task_always_eager:
        return
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # kombu raises several kinds; all mean "down"
        raise SmsUnavailable from exc


def sms_enqueue(*, to: str, body: str) -> OutboundSms:
    """Queue an SMS; it leaves only if the surrounding transaction commits."""
    from onboarding.tasks import send_sms_task

    _broker_check()
    message = OutboundSms.objects.create(to=to, body=body)
    # robust: should the broker fail in the instant after the check, the
    # request still succeeds, the failure is logged, and the person can ask
    # for a new code; the stale row is purged by the retention job.
    transaction.on_commit(lambda: send_sms_task.delay(message.pk), robust=True)
    return message


def _consume_send_quota(*, request: HttpRequest | None, phone: str) -> None:
    """Per-number and per-IP sending limits (REQUIREMENTS F1).

    One quota for every SMS to a number, whichever flow sends it, so the app
    cannot be used to bomb a phone by alternating signup and sign-in. Raises
    allauth's RateLimited, which the middleware turns into a 429.
    """
    if request is None:
        return
    ratelimit.consume(request, action="send_sms", key=phone, raise_exception=True)
    # When the next code may go out: the code page counts down to it instead
    # of letting "Send a new code" run into the limit.
    cache.set(sms_last_sent_cache_key(phone), time.time(), SMS_RESEND_SECONDS)


# The per-number limit of ACCOUNT_RATE_LIMITS["send_sms"]: one code a minute (F1).
SMS_RESEND_SECONDS = 60


def sms_last_sent_cache_key(phone: str) -> str:
    return f"onboarding:sms-last-sent:{phone}"


def sms_send_verification_code(*, request: HttpRequest | None, phone: str, code: str) -> None:
    _consume_send_quota(request=request, phone=phone)
    body = _("Your LearnRight code is %(code)s. It expires in 10 minutes. Never share it.") % {"code": code}
    sms_enqueue(to=phone, body=body)


def sms_send_unknown_account(*, request: HttpRequest | None, phone: str) -> None:
    # Same quota as a real code, so a registered number and an unknown one
    # behave identically to whoever is typing (REQUIREMENTS F2).
    _consume_send_quota(request=request, phone=phone)
    sms_enqueue(
        to=phone,
        body=_(
            "Someone tried to sign in to LearnRight with this number, but it has no account. "
            "If it was you, sign up instead. Otherwise ignore this message."
        ),
    )


def sms_send_account_already_exists(*, request: HttpRequest | None, phone: str) -> None:
    _consume_send_quota(request=request, phone=phone)
    sms_enqueue(
        to=phone,
        body=_(
            "Someone tried to sign up to LearnRight with this number, which already has an "
            "account. To use it, sign in instead. Otherwise ignore this message."
        ),
    )


def sms_deliver(*, sms_id: int) -> bool:
    """Send one queued SMS and forget it. Returns False if it was already sent."""
    from onboarding.sms import send_sms

    message = OutboundSms.objects.filter(pk=sms_id).first()
    if message is None:
        return False
    send_sms(to=message.to, body=message.body)
    # The body holds a sign-in code: keep it no longer than needed (E4).
    message.delete()
    return True


# --- Learner profile: the optional answers (REQUIREMENTS A5, B4, C4, D2, D3) ---

PROFILING_PURPOSE = consent_purposes.PROFILING
PRODUCT_NEWS_PURPOSE = consent_purposes.PRODUCT_NEWS_SMS


class ProfilingConsentRequired(Exception):
    """An answer was about to be written without a current profiling grant.

    Raised by the service itself, not only by the views, so no code path
    (a view, a task, a shell session) can store an answer without consent
    (REQUIREMENTS A5, B1). Views turn it into a redirect to the consent screen.
    """


def _profiling_consent_check(*, user: User) -> None:
    if not consent_selectors.consent_is_granted(user=user, purpose=PROFILING_PURPOSE):
        raise ProfilingConsentRequired


def _profile_answer_validate(*, field: str, value: str) -> None:
    if field not in PROFILE_ANSWER_FIELDS:
        raise ValidationError(_("There is no such question."), code="unknown_question")
    allowed = {choice for choice, _label in LearnerProfile._meta.get_field(field).choices}
    if value not in allowed:
        raise ValidationError(
            _("Select one of the answers offered, or skip the question."), code="invalid_choice"
        )


def learner_profile_set_answer(*, user: User, field: str, value: str) -> None:
    """Store one answer; refused without a current profiling grant.

    Raises ProfilingConsentRequired, or ValidationError for a question or an
    answer that is not one of the curated choices.
    """
    _profiling_consent_check(user=user)
    _profile_answer_validate(field=field, value=value)
    LearnerProfile.objects.update_or_create(user=user, defaults={field: value})


def learner_profile_delete_answer(*, user: User, field: str) -> None:
    """Erase one answer: the column becomes NULL, not a hidden flag (C4).

    Always allowed, with or without consent: deleting is never made harder
    than giving (PIPL 47).
    """
    if field not in PROFILE_ANSWER_FIELDS:
        raise ValidationError(_("There is no such question."), code="unknown_question")
    LearnerProfile.objects.filter(user=user).update(**{field: None, "updated_at": timezone.now()})


def learner_profile_delete_answers(*, user: User) -> None:
    """Erase every answer of a learner (withdrawal, D3; the privacy centre's erasure).

    The row itself goes, so nothing of the profile remains in storage.
    """
    LearnerProfile.objects.filter(user=user).delete()


# --- Accounts created by an operator (REQUIREMENTS A2, A7) -------------------

IMPORT_HEADER = "phone"
IMPORT_BATCH_SIZE = 1000


class ImportRefused(Exception):
    """Nothing was created.

    The file is unusable (no header, wrong header, no data rows), or some
    numbers were registered by someone else while the import ran.
    """


@dataclass(frozen=True)
class ImportProblem:
    line: int
    reason: str


@dataclass
class ImportReport:
    """What an import did, line by line, for the operator who ran it."""

    created: int = 0
    already_present: list[int] = dataclass_field(default_factory=list)
    duplicates: list[ImportProblem] = dataclass_field(default_factory=list)
    rejected: list[ImportProblem] = dataclass_field(default_factory=list)


def _import_header_is_valid(row: Sequence[str]) -> bool:
    cells = [cell.strip().lstrip("\ufeff").lower() for cell in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells == [IMPORT_HEADER]


def learners_import(*, rows: Iterable[Sequence[str]]) -> ImportReport:
    """Create learner accounts from CSV rows (header first, as csv.reader yields them).

    Row n of the input is reported as line n. Each number is normalised by
    phone_normalize, the same code signup uses, so an imported number and a
    typed one can never disagree. Accounts get origin IMPORT, an unverified
    phone and an unusable password, and no acknowledgment or consent record:
    the first-run gate asks the person when they first sign in (A2; the
    account the court saw had skipped that). No SMS is sent (CC 1033(1)): people
    sign in by code when they choose to. Run it only on a documented basis
    (A7): an institution's contract with each learner, with the institution
    entrusting us (PIPL 21) or holding the learner's separate consent (PIPL
    23); an account nobody signs in to is erased after 90 days by the
    retention job. Re-running with the same file creates nothing new. Raises
    ImportRefused, creating nothing, when the header is not `phone`, there are
    no data rows, or a number is registered concurrently.
    """
    report = ImportReport()
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        raise ImportRefused(_("The file is empty. Nothing was imported."))
    if not _import_header_is_valid(header):
        raise ImportRefused(
            _('The first line must be the header "phone" and nothing else. Nothing was imported.')
        )

    first_line_of: dict[str, int] = {}
    data_rows = 0
    for line, row in enumerate(iterator, start=2):
        cells = [cell.strip() for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue  # Blank lines (often at the end of a file) are not data.
        data_rows += 1
        if len(cells) > 1:
            report.rejected.append(
                ImportProblem(
                    line, _("Expected one phone number, found %(count)d values.") % {"count": len(cells)}
                )
            )
            continue
        try:
            phone = phone_normalize(cells[0])
        except ValidationError as error:
            report.rejected.append(ImportProblem(line, " ".join(str(m) for m in error.messages)))
            continue
        if phone in first_line_of:
            report.duplicates.append(
                ImportProblem(
                    line, _("Same number as line %(line)d; skipped.") % {"line": first_line_of[phone]}
                )
            )
            continue
        first_line_of[phone] = line
    if data_rows == 0:
        raise ImportRefused(_("The file has a header but no phone numbers. Nothing was imported."))

    numbers = list(first_line_of)
    existing: set[str] = set()
    for start in range(0, len(numbers), IMPORT_BATCH_SIZE):
        batch = numbers[start : start + IMPORT_BATCH_SIZE]
        existing.update(User.objects.filter(phone__in=batch).values_list("phone", flat=True))
    report.already_present = sorted(first_line_of[phone] for phone in existing)

    new_users = [
        User(
            phone=phone,
            phone_verified=False,
            origin=User.Origin.IMPORT,
            # Learners sign in by SMS code only; nobody ever chose a password.
            password=make_password(None),
        )
        for phone in numbers
        if phone not in existing
    ]
    try:
        with transaction.atomic():
            User.objects.bulk_create(new_users, batch_size=IMPORT_BATCH_SIZE)
    except IntegrityError:
        raise ImportRefused(
            _("Some numbers were registered while the import ran. Nothing was imported; run it again.")
        ) from None
    report.created = len(new_users)
    return report


def learner_create_by_staff(*, phone: str) -> User:
    """Create one learner account from the admin: the import's rules for one number.

    The number is normalised by the same code as signup; the account carries no
    acknowledgment and no consent until the person signs in (A2) and no SMS is
    sent (CC 1033(1)). Raises ValidationError for an invalid or registered number.
    """
    normalized = phone_normalize(phone)
    if User.objects.filter(phone=normalized).exists():
        raise ValidationError(_("A learner with this mobile number already exists."), code="phone_taken")
    return User.objects.create_user(phone=normalized, phone_verified=False, origin=User.Origin.ADMIN)


# --- Account cancellation and erasure (REQUIREMENTS D4, E4; driven by consent's registry) ---


def user_deactivate_for_cancellation(*, user: User) -> None:
    """The part of a cancellation that cannot wait for the erasure task (D4).

    The account stops at once: inactive, so every other session of it is
    refused on its next request; and its number is freed (NULL), so the same
    person can sign up again immediately and gets a new, clean account with a
    new subject_id. Messages still queued to the number go in the same
    transaction, so the number is left nowhere once the account drops it; the
    erasure task has nothing that needs it.
    """
    with transaction.atomic():
        if user.phone:
            OutboundSms.objects.filter(to=user.phone).delete()
        user.is_active = False
        user.phone = None
        user.phone_verified = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "phone", "phone_verified", "password"])


def outbound_sms_erase(*, phone: str | None) -> int:
    """Delete messages still queued to a number (they hold it, and maybe a code)."""
    if not phone:
        return 0
    deleted, _ = OutboundSms.objects.filter(to=phone).delete()
    return deleted


def outbound_sms_purge_expired(*, now) -> int:
    """A message still queued after a day will never be useful (codes last 10 minutes) (E4)."""
    from datetime import timedelta

    cutoff = now - timedelta(days=OUTBOUND_SMS_RETENTION_DAYS)
    deleted, _ = OutboundSms.objects.filter(created_at__lt=cutoff).delete()
    return deleted


# Design: the sending task deletes each message once sent; a leftover (a
# broker outage, a provider that kept failing) goes after a day (E4).
OUTBOUND_SMS_RETENTION_DAYS = 1


def user_sessions_erase(*, user: User) -> int:
    """Delete every stored session of the account (they hold its id and sign-in records).

    Sessions are signed blobs with no user column, so each live one is
    decoded; expired ones are left to the retention job (clear_expired).
    """
    from django.contrib.sessions.models import Session

    user_key = str(user.pk)
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator(chunk_size=2000)
        if str(session.get_decoded().get("_auth_user_id")) == user_key
    ]
    deleted, _ = Session.objects.filter(pk__in=doomed).delete()
    return deleted


def user_erase(*, user: User) -> None:
    """Delete the account row; what still points at it cascades (D4). Idempotent."""
    User.objects.filter(pk=user.pk).delete()


# --- Product news by SMS (B6, B9, C5) -----------------------------------------

# B9: a marketing text names its sender first and says how to refuse by reply.
# The 2015 Provisions on the Administration of Communication Short Message
# Services (MIIT; departmental rules) require a convenient and effective way
# to refuse, told with each commercial message, and sending to stop once the
# person refuses; CC 1033(1) forbids disturbing private life by text message
# without consent. The 【】 signature is how Chinese carriers show the sender.
PRODUCT_NEWS_OPT_OUT_KEYWORDS = frozenset({"TD", "T", "退订", "N", "STOP", "UNSUBSCRIBE"})
# The surface recorded in the ledger for a withdrawal made by replying.
SMS_REPLY_SURFACE = "sms_reply"


def product_news_body(*, text: str) -> str:
    """The message as it leaves: the sender signature, the text, the opt-out instruction (B9)."""
    from django.conf import settings

    signature = getattr(settings, "SMS_SENDER_SIGNATURE", "【LearnRight】")
    opt_out = getattr(settings, "SMS_PRODUCT_NEWS_OPT_OUT", "回复TD退订")
    return f"{signature}{text} {opt_out}"


def product_news_send(*, text: str) -> int:
    """Queue `text` by SMS to everyone whose current decision on product news is a grant.

    Returns how many messages were queued. Each message starts with the sender
    signature and ends with how to refuse by reply (B9). Only the grant and the
    verified number are read: never the profile answers (C5: they are for
    recommendations only), so everyone who agreed gets the same message.
    """
    text = (text or "").strip()
    if not text:
        raise ValueError("The message is empty.")
    body = product_news_body(text=text)
    subject_ids = consent_selectors.consent_grantee_subject_ids(purpose=PRODUCT_NEWS_PURPOSE)
    recipients = User.objects.filter(
        subject_id__in=subject_ids, is_active=True, phone_verified=True, phone__isnull=False
    )
    sent = 0
    for phone in recipients.order_by("pk").values_list("phone", flat=True).iterator(chunk_size=1000):
        sms_enqueue(to=phone, body=body)
        sent += 1
    return sent


class InboundSmsOutcome(models.TextChoices):
    WITHDRAWN = "withdrawn", "opt-out recorded as a withdrawal"
    NOT_GRANTED = "not_granted", "opt-out from a number with no current grant: nothing to withdraw"
    UNKNOWN_NUMBER = "unknown_number", "no active account has this number"
    NOT_AN_OPT_OUT = "not_an_opt_out", "not an opt-out keyword; ignored"


def sms_inbound_is_opt_out(*, body: str) -> bool:
    return (body or "").strip().upper() in PRODUCT_NEWS_OPT_OUT_KEYWORDS


def sms_inbound_receive(*, sender: str, body: str) -> InboundSmsOutcome:
    """A text message a person sent us: an opt-out withdraws product news (B9, B7).

    Replying TD (or 退订, STOP...) is recorded in the ledger as a withdrawal of
    `product_news_sms`, on its own surface, exactly as the privacy centre's
    Withdraw would; the next send leaves that person out. Anything else is
    ignored and nothing of the message is stored. Raises ValidationError for
    a sender that is not a valid mobile number.
    """
    phone = phone_normalize(sender)
    if not sms_inbound_is_opt_out(body=body):
        return InboundSmsOutcome.NOT_AN_OPT_OUT
    user = User.objects.filter(phone=phone, is_active=True).first()
    if user is None:
        return InboundSmsOutcome.UNKNOWN_NUMBER
    if not consent_selectors.consent_is_granted(user=user, purpose=PRODUCT_NEWS_PURPOSE):
        return InboundSmsOutcome.NOT_GRANTED
    from consent import services as consent_services

    consent_services.consent_withdraw(user=user, purpose=PRODUCT_NEWS_PURPOSE, surface=SMS_REPLY_SURFACE)
    return InboundSmsOutcome.WITHDRAWN


# --- The page to return to after the first run --------------------------------
# "Sign up to enroll" on a course page must lead back to that course, but only
# after the acknowledgment and the consent screen (REQUIREMENTS A2, B1): those
# come first, whatever `next` says. The address waits in the session and is
# checked when stored and when used, so it never leads to another site.

_RETURN_TO_SESSION_KEY = "onboarding_return_to"


def _return_to_is_safe(request: HttpRequest, url: str | None) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def first_run_return_to_set(*, request: HttpRequest, url: str | None) -> None:
    if _return_to_is_safe(request, url):
        request.session[_RETURN_TO_SESSION_KEY] = url
    else:
        request.session.pop(_RETURN_TO_SESSION_KEY, None)


def first_run_return_to_pop(*, request: HttpRequest) -> str | None:
    url = request.session.pop(_RETURN_TO_SESSION_KEY, None)
    return url if _return_to_is_safe(request, url) else None
