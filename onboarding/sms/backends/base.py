"""The base class for SMS backends.

A real provider subclasses `BaseSmsBackend` and implements `send_messages`,
then is selected with `SMS_BACKEND = "myproject.sms.AliyunSmsBackend"`. Raise
an exception on a failure the task should retry (network errors, 5xx); the
Celery task that calls the backend owns the retry policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onboarding.sms import SmsMessage


class BaseSmsBackend:
    def __init__(self, fail_silently: bool = False, **kwargs) -> None:
        self.fail_silently = fail_silently

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        """Send the messages and return how many were sent."""
        raise NotImplementedError("subclasses of BaseSmsBackend must implement send_messages()")
