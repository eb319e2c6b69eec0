"""Keeps messages in `onboarding.sms.outbox`, for tests."""

from onboarding import sms
from onboarding.sms.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def send_messages(self, messages) -> int:
        sms.outbox.extend(messages)
        return len(messages)
