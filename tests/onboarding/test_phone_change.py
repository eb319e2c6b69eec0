"""Changing the phone number needs a fresh code from the current number first (F1, D4's rule)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.onboarding.helpers import last_code_for

pytestmark = pytest.mark.django_db

CURRENT = "+8613800138000"
NEW = "+8613700137000"


@pytest.fixture
def signed_in(client, notices_published):
    from consent.services import policy_acknowledge

    user = UserFactory(phone=CURRENT)
    user.refresh_from_db()
    policy_acknowledge(user=user, surface="test")
    client.force_login(user)
    return user


def test_changing_the_number_first_asks_for_a_code_sent_to_the_current_number(
    client, signed_in, outbox, django_capture_on_commit_callbacks
):
    response = client.post(reverse("account_change_phone"), {"phone": NEW})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_request_reauthentication_code"))
    signed_in.refresh_from_db()
    assert signed_in.phone == CURRENT

    with django_capture_on_commit_callbacks(execute=True):
        client.get(response["Location"])
        sent = client.post(response["Location"], {"recipient": CURRENT})
    assert sent.status_code == 302

    assert outbox
    assert {message.to for message in outbox} == {CURRENT}
    assert last_code_for(CURRENT)


def test_with_the_fresh_code_the_number_changes(
    client, signed_in, outbox, django_capture_on_commit_callbacks
):
    response = client.post(reverse("account_change_phone"), {"phone": NEW})
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(response["Location"], {"recipient": CURRENT})
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(sent["Location"], {"code": last_code_for(CURRENT)})

    assert confirmed.status_code == 302
    # The replayed change sends a verification code to the new number.
    assert NEW in {message.to for message in outbox}
