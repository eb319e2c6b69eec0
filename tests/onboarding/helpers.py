"""Drive the real signup and sign-in flows through the test client."""

import re

from django.urls import reverse

from onboarding import sms

CODE = re.compile(r"\b(\d{6})\b")


def last_code_for(phone: str) -> str:
    for message in reversed(sms.outbox):
        if message.to == phone:
            match = CODE.search(message.body)
            if match:
                return match.group(1)
    raise AssertionError(f"no code was sent to {phone}")


def signup(client, django_capture_on_commit_callbacks, phone_input: str, **extra):
    data = {"phone": phone_input, **extra}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_signup"), data)


def request_login_code(client, django_capture_on_commit_callbacks, phone_input: str):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_request_login_code"), {"phone": phone_input})
