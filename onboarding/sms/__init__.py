"""Sending SMS, shaped like django.core.mail: pick a backend by dotted path.

`SMS_BACKEND` selects the backend (console, locmem, filebased or a provider's
subclass of `BaseSmsBackend`). Callers use `send_sms`; in the app it is only
called from `onboarding.tasks`, so that every message leaves after commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

# The locmem backend appends here, like django.core.mail.outbox.
outbox: list[SmsMessage] = []


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str


def get_sms_backend(backend: str | None = None, **kwargs):
    backend_class = import_string(backend or settings.SMS_BACKEND)
    return backend_class(**kwargs)


def send_sms(*, to: str, body: str) -> int:
    return get_sms_backend().send_messages([SmsMessage(to=to, body=body)])
