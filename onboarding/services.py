"""Writes of onboarding data: accounts, phone numbers, outgoing SMS."""

from __future__ import annotations

from allauth.core import ratelimit
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from onboarding.models import OutboundSms, User


def user_set_phone(*, user: User, phone: str, verified: bool) -> None:
    """Store the number, as given by allauth after it has been normalised.

    The change-phone flow calls this (through the adapter) with the new number,
    so it always writes the number as well as the flag.
    """
    user.phone = phone
    user.phone_verified = verified
    if user.pk:
        user.save(update_fields=["phone", "phone_verified"])


def sms_enqueue(*, to: str, body: str) -> OutboundSms:
    """Queue an SMS; it leaves only if the surrounding transaction commits."""
    from onboarding.tasks import send_sms_task

    message = OutboundSms.objects.create(to=to, body=body)
    transaction.on_commit(lambda: send_sms_task.delay(message.pk))
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
