"""Broken dependencies give a clear 503, never a 500 or a half-created account (F1, F3)."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from onboarding import sms
from onboarding.models import OutboundSms, User
from tests.onboarding.helpers import signup

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down(monkeypatch):
    """A broker that refuses connections. The pools are left alone: the check
    before queuing opens its own connection, and nothing is published."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setitem(app.conf, "broker_url", UNREACHABLE_REDIS)


def test_broker_down_at_signup_says_the_code_could_not_be_sent_and_creates_nothing(
    client, django_capture_on_commit_callbacks, broker_down
):
    response = signup(client, django_capture_on_commit_callbacks, "138 0013 8000")

    assert response.status_code == 503
    assert "We could not send the code, please try again" in response.content.decode()
    assert not User.objects.exists()
    assert not OutboundSms.objects.exists()
    assert sms.outbox == []


def test_broker_down_at_sign_in_is_a_503(client, django_capture_on_commit_callbacks, broker_down):
    from tests.factories import UserFactory
    from tests.onboarding.helpers import request_login_code

    UserFactory(phone="+8613800138000")
    response = request_login_code(client, django_capture_on_commit_callbacks, "13800138000")
    assert response.status_code == 503
    assert sms.outbox == []


def test_redis_cache_down_at_signup_is_a_503_not_a_500(client, django_capture_on_commit_callbacks):
    from django.conf import settings
    from django.test import override_settings

    # The page is fetched while the cache still works; the POST meets the outage
    # of the Redis cache backend production uses.
    unreachable = {"default": {"BACKEND": settings.REDIS_CACHE_BACKEND, "LOCATION": UNREACHABLE_REDIS}}
    from consent.services import notices_publish_all

    notices_publish_all()
    client.get(reverse("account_signup"))
    with override_settings(CACHES=unreachable):
        response = signup(client, django_capture_on_commit_callbacks, "138 0013 8000")
    assert response.status_code == 503
    assert not User.objects.exists()


def test_a_database_outage_shows_a_friendly_503_page(monkeypatch):
    from recommendations import selectors

    def database_gone(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(selectors, "recommendations_for", database_gone)
    client = Client(raise_request_exception=False)
    response = client.get(reverse("home"))
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode()
    assert response["Retry-After"] == "30"


def test_an_unexpected_error_is_a_plain_500_page(monkeypatch):
    from recommendations import selectors

    monkeypatch.setattr(selectors, "recommendations_for", lambda **kwargs: 1 / 0)
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
