"""Fixtures for the profile questions, the tags page and the first-run gate."""

import pytest

from tests.factories import LearnerFactory


@pytest.fixture
def notices_published(db):
    """The privacy policy and consent notices, published as `make run` does."""
    from consent.services import notices_publish_all

    notices_publish_all()


@pytest.fixture
def learner(notices_published):
    """A learner who acknowledged the current privacy policy and decided nothing else."""
    from consent.services import policy_acknowledge

    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test")
    return user


@pytest.fixture
def granted_learner(learner):
    """A learner who also agreed to profiling."""
    from consent.services import consent_grant

    consent_grant(user=learner, purpose="profiling", surface="test")
    return learner
