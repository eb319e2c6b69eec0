"""The SMS limits hold however busy the cache is (REQUIREMENTS F1)."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import UserFactory
from tests.onboarding.helpers import request_login_code

pytestmark = pytest.mark.django_db

PHONE = "+8613800138000"


def test_a_numbers_limit_still_holds_after_a_thousand_other_cache_keys(
    django_capture_on_commit_callbacks, outbox
):
    UserFactory(phone=PHONE)
    request_login_code(Client(), django_capture_on_commit_callbacks, PHONE)
    assert len(outbox) == 1

    # Requests for other numbers, sessions, anything: Django's default
    # per-process cache kept 300 entries and let these push the counter out.
    for n in range(1000):
        cache.set(f"someone-else:{n}", n, 3600)
    response = request_login_code(Client(), django_capture_on_commit_callbacks, PHONE)

    assert response.status_code == 429
    assert len(outbox) == 1


def test_production_refuses_to_start_on_a_per_process_cache():
    from tests.config.test_settings import PRODUCTION_ENV, _manage

    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "onboarding.E003" in result.stderr
    assert "REDIS_URL" in result.stderr
