"""The admin's sign-in: throttled and locked out by django-axes, failures logged masked (F3, E3)."""

import logging

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STAFF_PHONE = "+8613900000099"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_member():
    user = UserFactory(phone=STAFF_PHONE, is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(client, password: str):
    return client.post(
        reverse("admin:login"), {"username": STAFF_PHONE, "password": password, "next": "/admin/"}
    )


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_429(client, staff_member):
    for _ in range(5):
        assert _sign_in(client, "wrong").status_code in (200, 429)

    response = _sign_in(client, PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_wrong_passwords_then_the_right_one_signs_in(client, staff_member):
    for _ in range(3):
        _sign_in(client, "wrong")

    response = _sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_member.pk)


def test_failures_are_logged_without_the_number(client, staff_member, caplog):
    from onboarding.logging import MaskPhoneNumbersFilter

    handler_filter = MaskPhoneNumbersFilter()
    with caplog.at_level(logging.INFO, logger="axes"):
        _sign_in(client, "wrong")
    failures = [r for r in caplog.records if "login failed" in r.getMessage().lower()]

    assert failures, [r.getMessage() for r in caplog.records]
    for record in caplog.records:
        handler_filter.filter(record)
        assert "13900000099" not in record.getMessage()


def test_the_lockout_table_holds_no_phone_number(client, staff_member):
    from axes.models import AccessAttempt

    _sign_in(client, "wrong")

    attempt = AccessAttempt.objects.get()
    assert attempt.username.startswith("sha256:")
    stored = " ".join(str(value) for value in AccessAttempt.objects.values().get().values())
    assert "13900000099" not in stored
    assert PASSWORD not in stored
