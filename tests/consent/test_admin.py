"""The admin shows the ledger read-only: no add, change or delete, even for a superuser (REQUIREMENTS E1)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from consent.models import ConsentRecord, NoticeVersion
from consent.services import consent_grant
from onboarding.consent_purposes import PROFILING
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return LearnerFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def record(person):
    return consent_grant(user=person, purpose=PROFILING, surface="test")


@pytest.mark.parametrize("model", [ConsentRecord, NoticeVersion])
def test_the_admin_grants_no_add_change_or_delete_permission(superuser, model):
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[model]

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert model_admin.has_view_permission(request)


def test_a_superuser_can_read_a_record_but_not_delete_it(client, superuser, record):
    client.force_login(superuser)

    assert client.get(reverse("admin:consent_consentrecord_changelist")).status_code == 200
    assert client.get(reverse("admin:consent_consentrecord_change", args=[record.pk])).status_code == 200
    response = client.post(reverse("admin:consent_consentrecord_delete", args=[record.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_the_admin_search_accepts_text_that_is_not_an_id(client, superuser, record):
    client.force_login(superuser)

    response = client.get(reverse("admin:consent_consentrecord_changelist"), {"q": "not-a-uuid"})

    assert response.status_code == 200
