"""The phone-only, passwordless signup and sign-in (REQUIREMENTS A1, F1, F2)."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from onboarding.models import User
from tests.factories import UserFactory
from tests.onboarding.helpers import last_code_for, request_login_code, signup

PHONE = "+8613800138000"

pytestmark = pytest.mark.django_db


def _confirm(client, django_capture_on_commit_callbacks, url_name, code):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse(url_name), {"code": code})


def test_signup_asks_for_a_phone_number_and_no_password_email_or_name(client):
    response = client.get(reverse("account_signup"))
    form = response.context["form"]
    assert "phone" in form.fields
    assert not {"password1", "password2", "email", "username", "first_name", "last_name"} & set(form.fields)
    html = response.content.decode()
    assert 'type="password"' not in html
    assert 'type="email"' not in html


def test_sign_in_page_asks_only_for_a_phone_number(client):
    response = client.get(reverse("account_login"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_request_login_code"))
    assert list(response.context["form"].fields) == ["phone"]
    assert 'type="password"' not in response.content.decode()


def test_signup_with_a_typed_number_texts_a_six_digit_code_and_signs_in(
    client, django_capture_on_commit_callbacks, outbox
):
    response = signup(client, django_capture_on_commit_callbacks, "138 0013 8000")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_verify_phone")
    code = last_code_for(PHONE)
    assert len(code) == 6
    assert code.isdigit()

    _confirm(client, django_capture_on_commit_callbacks, "account_verify_phone", code)

    user = User.objects.get(phone=PHONE)
    assert user.phone_verified
    assert not user.has_usable_password()
    assert client.session[SESSION_KEY] == str(user.pk)


def test_a_learner_signs_out_and_back_in_with_a_new_code(
    client, django_capture_on_commit_callbacks, outbox, advance_clock
):
    user = UserFactory(phone=PHONE)
    request_login_code(client, django_capture_on_commit_callbacks, "+86 138-0013-8000")
    response = _confirm(
        client, django_capture_on_commit_callbacks, "account_confirm_login_code", last_code_for(PHONE)
    )
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)

    client.post(reverse("account_logout"))
    assert SESSION_KEY not in client.session

    advance_clock(seconds=61)
    first_code = last_code_for(PHONE)
    request_login_code(client, django_capture_on_commit_callbacks, "13800138000")
    second_code = last_code_for(PHONE)
    assert len([m for m in outbox if m.to == PHONE]) == 2
    _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", second_code)
    assert client.session[SESSION_KEY] == str(user.pk)
    assert first_code  # the first code was a different message, already used


def test_a_wrong_code_is_refused_and_does_not_sign_in(client, django_capture_on_commit_callbacks, outbox):
    UserFactory(phone=PHONE)
    request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    code = last_code_for(PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    response = _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", wrong)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert SESSION_KEY not in client.session


def test_an_expired_code_is_refused(client, django_capture_on_commit_callbacks, outbox, advance_clock):
    UserFactory(phone=PHONE)
    request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    code = last_code_for(PHONE)
    advance_clock(minutes=11)
    response = _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", code)
    assert SESSION_KEY not in client.session
    assert response.status_code in (200, 302)


def test_a_code_cannot_be_used_twice(client, django_capture_on_commit_callbacks, outbox):
    UserFactory(phone=PHONE)
    request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    code = last_code_for(PHONE)
    _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", code)
    client.post(reverse("account_logout"))

    response = _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", code)
    assert SESSION_KEY not in client.session
    assert response.status_code == 302  # no pending sign-in: back to the start


def test_five_wrong_codes_exhaust_the_attempts_and_even_the_right_code_then_fails(
    client, django_capture_on_commit_callbacks, outbox
):
    UserFactory(phone=PHONE)
    request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    code = last_code_for(PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", wrong)
    _confirm(client, django_capture_on_commit_callbacks, "account_confirm_login_code", code)
    assert SESSION_KEY not in client.session


def test_signup_code_attempts_are_limited_too(client, django_capture_on_commit_callbacks, outbox):
    signup(client, django_capture_on_commit_callbacks, PHONE)
    code = last_code_for(PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        _confirm(client, django_capture_on_commit_callbacks, "account_verify_phone", wrong)
    _confirm(client, django_capture_on_commit_callbacks, "account_verify_phone", code)
    assert SESSION_KEY not in client.session
    assert not User.objects.filter(phone=PHONE, phone_verified=True).exists()


def test_a_second_code_within_a_minute_is_refused_with_429_and_no_account_row(
    client, django_capture_on_commit_callbacks, outbox
):
    # The number's quota is used by a sign-in attempt; the signup that follows
    # would create a row and then fail to send: it must leave nothing behind.
    request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    assert len(outbox) == 1

    response = signup(client, django_capture_on_commit_callbacks, PHONE)

    assert response.status_code == 429
    assert "one code a minute" in response.content.decode()
    assert not User.objects.filter(phone=PHONE).exists()
    assert len(outbox) == 1


def test_after_a_429_the_next_signup_page_works(client, django_capture_on_commit_callbacks, outbox):
    request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    signup(client, django_capture_on_commit_callbacks, PHONE)
    assert client.get(reverse("account_signup")).status_code == 200


def test_a_number_gets_at_most_five_codes_an_hour(
    client, django_capture_on_commit_callbacks, outbox, advance_clock
):
    UserFactory(phone=PHONE)
    statuses = []
    for _ in range(6):
        statuses.append(request_login_code(client, django_capture_on_commit_callbacks, PHONE).status_code)
        client.cookies.clear()
        advance_clock(seconds=61)
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
    assert len(outbox) == 5


def _normalised(response) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", response.content.decode())
    for number in ("+8613800138000", "+8613900139000", "+86 138 0013 8000", "+86 139 0013 9000"):
        html = html.replace(number, "PHONE")
    return html


def test_sign_in_with_a_registered_and_an_unknown_number_look_the_same(
    client, django_capture_on_commit_callbacks
):
    UserFactory(phone=PHONE)
    known = request_login_code(client, django_capture_on_commit_callbacks, PHONE)
    known_page = client.get(known["Location"])
    client.cookies.clear()
    unknown = request_login_code(client, django_capture_on_commit_callbacks, "+8613900139000")
    unknown_page = client.get(unknown["Location"])

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_page.status_code == unknown_page.status_code == 200
    assert _normalised(known_page) == _normalised(unknown_page)


def test_signup_with_a_registered_number_looks_like_a_new_signup_and_creates_nothing(
    client, django_capture_on_commit_callbacks, outbox
):
    UserFactory(phone=PHONE)
    existing = signup(client, django_capture_on_commit_callbacks, PHONE)
    existing_page = client.get(existing["Location"])
    client.cookies.clear()
    new = signup(client, django_capture_on_commit_callbacks, "+8613900139000")
    new_page = client.get(new["Location"])

    assert (existing.status_code, existing["Location"]) == (new.status_code, new["Location"])
    assert _normalised(existing_page) == _normalised(new_page)
    assert User.objects.filter(phone=PHONE).count() == 1
    # The owner of the number is told, by SMS, that the account exists.
    assert "already has an account" in next(m for m in outbox if m.to == PHONE).body


@pytest.mark.parametrize(
    "typed",
    ["letters", "138", "010 6552 9988", "", "9" * 500, "07911 123456"],
)
def test_bad_numbers_get_a_form_error_not_a_500_and_create_nothing(
    client, django_capture_on_commit_callbacks, typed
):
    response = signup(client, django_capture_on_commit_callbacks, typed)
    assert response.status_code == 200
    assert response.context["form"].errors["phone"]
    assert not User.objects.exists()


def test_bad_numbers_on_sign_in_get_a_form_error(client, django_capture_on_commit_callbacks):
    response = request_login_code(client, django_capture_on_commit_callbacks, "not a number")
    assert response.status_code == 200
    assert response.context["form"].errors["phone"]
