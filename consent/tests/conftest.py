"""Fixtures of the consent app's own suite: plain Django users with a username and a password."""

import itertools

import pytest
from django.contrib.auth import get_user_model

from consent import services

PASSWORD = "correct horse battery staple"
_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def published(db):
    """Every declared notice in every language, as `manage.py publish_notices` does."""
    return services.notices_publish_all()


@pytest.fixture
def make_user(db):
    def make(**fields):
        number = next(_numbers)
        fields.setdefault("email", f"person{number}@example.com")
        return get_user_model().objects.create_user(username=f"person{number}", password=PASSWORD, **fields)

    return make


@pytest.fixture
def newcomer(published, make_user):
    """Signed up (or created by an operator), with no acknowledgment and no decision yet."""
    return make_user()


@pytest.fixture
def member(newcomer):
    """Acknowledged the current privacy policy; no decision on any consent purpose yet."""
    services.policy_acknowledge(user=newcomer, surface="signup")
    return newcomer


@pytest.fixture
def signed_in(client, member):
    """A member signed in through Django's own login view (the gate sees a real login)."""
    response = client.post("/login/", {"username": member.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what services queue with transaction.on_commit (the task runner) as a real commit would."""
    return django_capture_on_commit_callbacks
