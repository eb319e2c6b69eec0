"""Staff adding one learner in the admin: the import's rules (REQUIREMENTS A2)."""

import pytest
from django.urls import reverse

from onboarding.models import OutboundSms, User
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def _add_url() -> str:
    return reverse("admin:onboarding_user_add")


@pytest.fixture
def staff_client(client):
    client.force_login(LearnerFactory(is_staff=True, is_superuser=True))
    return client


def test_the_add_form_asks_only_for_a_mobile_number(staff_client):
    response = staff_client.get(_add_url())

    assert response.status_code == 200
    assert list(response.context["adminform"].form.fields) == ["phone"]


def test_staff_add_a_learner_normalised_like_signup_with_origin_admin(
    staff_client, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(_add_url(), {"phone": "138 0013 8000"})

    assert response.status_code == 302
    user = User.objects.get(phone="+8613800138000")
    assert user.origin == User.Origin.ADMIN
    assert user.phone_verified is False
    assert not user.has_usable_password()
    assert outbox == []
    assert not OutboundSms.objects.exists()


def test_the_add_form_rejects_an_invalid_number_with_the_signup_message(staff_client):
    response = staff_client.post(_add_url(), {"phone": "12345"})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["phone"]
    assert "This is not a valid mobile number for the default region (CN)." in errors[0]
    assert User.objects.filter(is_staff=False).count() == 0


def test_the_add_form_rejects_a_number_that_already_has_an_account(staff_client):
    LearnerFactory(phone="+8613800138000")

    response = staff_client.post(_add_url(), {"phone": "+86 138 0013 8000"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["phone"] == [
        "A learner with this mobile number already exists."
    ]
    assert User.objects.filter(phone="+8613800138000").count() == 1
