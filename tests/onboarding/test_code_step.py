"""The code step on a phone: number pad, the code offered from the SMS, a countdown, a way back."""

import re

import pytest
from django.urls import reverse

from tests.onboarding.helpers import signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def code_page(client, django_capture_on_commit_callbacks, outbox, notices_published):
    signup(client, django_capture_on_commit_callbacks, "138 0013 8000")
    response = client.get(reverse("account_verify_phone"))
    assert response.status_code == 200
    return response.content.decode()


def _code_input(html: str) -> str:
    return re.search(r'<input[^>]*name="code"[^>]*>', html).group(0)


def test_the_code_field_asks_for_the_number_pad_and_the_texted_code_and_has_the_cursor(code_page):
    field = _code_input(code_page)

    assert 'inputmode="numeric"' in field
    assert 'autocomplete="one-time-code"' in field
    assert "autofocus" in field


def test_the_number_is_shown_grouped_as_people_read_it(code_page):
    assert "+86 138 0013 8000" in code_page
    assert "+8613800138000" not in code_page


def test_send_a_new_code_counts_down_the_seconds_left_instead_of_erroring(code_page):
    button = re.search(r'<button[^>]*form="resend"[^>]*>(.*?)</button>', code_page, flags=re.S)

    seconds = int(re.search(r'data-resend-after="(\d+)"', button.group(0)).group(1))
    assert 55 <= seconds <= 60
    assert f"Send a new code in {seconds} s" in button.group(1)


def test_cancel_on_the_signup_code_page_returns_to_signup_not_to_sign_in(code_page):
    cancel_form = re.search(r'<form id="logout-from-stage".*?</form>', code_page, flags=re.S).group(0)

    assert f'name="next" value="{reverse("account_signup")}"' in cancel_form


def test_cancel_on_the_sign_in_code_page_returns_to_sign_in(
    client, django_capture_on_commit_callbacks, outbox, notices_published
):
    from tests.factories import LearnerFactory
    from tests.onboarding.helpers import request_login_code

    LearnerFactory(phone="+8613800138001")
    request_login_code(client, django_capture_on_commit_callbacks, "138 0013 8001")
    html = client.get(reverse("account_confirm_login_code")).content.decode()

    cancel_form = re.search(r'<form id="logout-from-stage".*?</form>', html, flags=re.S).group(0)
    assert f'name="next" value="{reverse("account_request_login_code")}"' in cancel_form
