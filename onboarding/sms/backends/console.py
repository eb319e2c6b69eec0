"""Prints each SMS as one line on stdout, so `make run` shows the sign-in code."""

import sys

from onboarding.sms.backends.base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    def __init__(self, *args, stream=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout

    def send_messages(self, messages) -> int:
        for message in messages:
            body = " ".join(message.body.split())
            self.stream.write(f"[SMS to {message.to}] {body}\n")
        self.stream.flush()
        return len(messages)
