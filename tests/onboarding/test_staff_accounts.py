"""A newcomer's staff account: created with the number in any usual format, signed in to a branded admin."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from consent.models import StaffAccessLogEntry
from onboarding.models import User
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def test_createsuperuser_stores_the_number_normalised_whatever_the_format_typed(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long staff passphrase")

    call_command("createsuperuser", "--noinput", phone="139 0009 9009", stdout=StringIO())

    staff = User.objects.get()
    assert staff.phone == "+8613900099009"
    assert staff.is_staff
    assert staff.is_superuser


@pytest.mark.parametrize("typed", ["13900099009", "+8613900099009", "+86 139-0009-9009", "139 0009 9009"])
def test_staff_sign_in_to_the_admin_with_the_number_in_any_usual_format(typed):
    User.objects.create_superuser("13900099009", password="a long staff passphrase")
    client = Client()

    response = client.post(
        reverse("admin:login"),
        {"username": typed, "password": "a long staff passphrase", "next": reverse("admin:index")},
    )

    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.fixture
def staff_client():
    staff = LearnerFactory(phone="+8613900000001", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(staff)
    return client


def test_the_admin_carries_the_site_name_and_hides_the_unused_email_addresses(staff_client):
    html = staff_client.get(reverse("admin:index")).content.decode()

    assert "LearnRight staff administration" in html
    assert "Email addresses" not in html
    assert "/admin/account/emailaddress/" not in html


def test_the_staff_access_log_names_both_people_by_their_masked_number(staff_client):
    learner = LearnerFactory(phone="+8613800138000")
    staff_client.get(reverse("admin:onboarding_user_change", args=[learner.pk]))
    assert StaffAccessLogEntry.objects.exists()

    html = staff_client.get(reverse("admin:consent_staffaccesslogentry_changelist")).content.decode()
    rows = re.search(r"<tbody>.*?</tbody>", html, flags=re.S).group(0)

    assert "138****8000" in rows
    assert "139****0001" in rows
    assert str(learner.subject_id) not in rows
