"""Withdrawing profiling consent deletes the answers (REQUIREMENTS D3, B7)."""

import pytest

from onboarding.models import LearnerProfile
from onboarding.tasks import delete_profile_answers_task
from tests.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db


def _withdraw(user, purpose: str = "profiling"):
    from consent.services import consent_withdraw

    consent_withdraw(user=user, purpose=purpose, surface="test")


def test_withdrawing_profiling_deletes_the_answers_from_storage(
    granted_learner, django_capture_on_commit_callbacks
):
    LearnerProfileFactory(user=granted_learner, occupation="teacher", english_level="B2")

    with django_capture_on_commit_callbacks(execute=True):
        _withdraw(granted_learner)

    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_the_receiver_only_enqueues_the_deletion_after_commit(
    granted_learner, django_capture_on_commit_callbacks
):
    LearnerProfileFactory(user=granted_learner, occupation="teacher")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _withdraw(granted_learner)

    # Nothing is deleted inside the withdrawing transaction: a rollback would
    # otherwise have erased answers the person still consents to.
    assert LearnerProfile.objects.filter(user=granted_learner, occupation="teacher").exists()
    assert len(callbacks) == 1


def test_withdrawing_another_purpose_keeps_the_answers(granted_learner, django_capture_on_commit_callbacks):
    from consent.services import consent_grant

    consent_grant(user=granted_learner, purpose="product_news_sms", surface="test")
    LearnerProfileFactory(user=granted_learner, learning_goal="travel")

    with django_capture_on_commit_callbacks(execute=True):
        _withdraw(granted_learner, purpose="product_news_sms")

    assert LearnerProfile.objects.filter(user=granted_learner, learning_goal="travel").exists()


def test_the_task_erases_the_answers_of_the_given_user_only(learner):
    LearnerProfileFactory(user=learner, occupation="teacher")
    other = LearnerProfileFactory(occupation="other")

    assert delete_profile_answers_task.delay(learner.pk).get() is True

    assert not LearnerProfile.objects.filter(user=learner).exists()
    assert LearnerProfile.objects.filter(pk=other.pk).exists()


def test_the_task_for_an_account_already_erased_does_nothing(db):
    assert delete_profile_answers_task.delay(987_654).get() is False
