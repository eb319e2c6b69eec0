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


def policy_acknowledgment_fields(client) -> dict[str, str]:
    """What a person who ticks the box sends: the box, and the policy version the page showed (A3).

    Publishes the notices first (idempotent), as `make run` does, then reads
    the hidden version from the real signup page.
    """
    from consent.services import notices_publish_all

    notices_publish_all()
    form = client.get(reverse("account_signup")).context["form"]
    return {"privacy_policy_read": "on", "policy_version": str(form["policy_version"].value())}


def signup(
    client, django_capture_on_commit_callbacks, phone_input: str, *, acknowledge: bool = True, **extra
):
    data = {"phone": phone_input}
    if acknowledge:
        data.update(policy_acknowledgment_fields(client))
    data.update(extra)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_signup"), data)


def request_login_code(client, django_capture_on_commit_callbacks, phone_input: str):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_request_login_code"), {"phone": phone_input})
