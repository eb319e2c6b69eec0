"""Fixtures for the consent app: published notices and people at each step of the flow."""

import dataclasses

import pytest

from consent import notices, purposes
from consent.services import consent_grant, notices_publish_all, policy_acknowledge
from onboarding.consent_purposes import PROFILING
from tests.factories import LearnerFactory

# A fixed key for tests only; production keys come from the environment (E5).
TEST_CHECKPOINT_KEY = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"


@pytest.fixture(autouse=True)
def _checkpoint_signing_key(settings):
    """Checkpoints in tests are signed with a fixed key, and made over records up to now."""
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = TEST_CHECKPOINT_KEY
    settings.CONSENT_CHECKPOINT_SETTLE_SECONDS = 0


@pytest.fixture
def published(db):
    """Every declared notice in every language, as `make run` publishes them."""
    return notices_publish_all()


@pytest.fixture
def person(published):
    """Signed up and acknowledged the policy; no decision on profiling yet."""
    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test")
    return user


@pytest.fixture
def granted_person(person):
    consent_grant(user=person, purpose=PROFILING, surface="test")
    return person


@pytest.fixture
def bump_profiling(monkeypatch):
    """A material change to profiling: version 2 of the purpose and a new notice, published (A6)."""

    def bump(what_changed="We now also ask how much time you can spend each week."):
        purpose = dataclasses.replace(
            purposes.PURPOSES[PROFILING], material_version=2, what_changed=what_changed
        )
        monkeypatch.setitem(purposes.PURPOSES, PROFILING, purpose)
        new_notices = [
            dataclasses.replace(notice, version="2.0") if notice.purpose == PROFILING else notice
            for notice in notices.NOTICES
        ]
        monkeypatch.setattr(notices, "NOTICES", new_notices)
        notices_publish_all()

    return bump
