"""Writing and erasing profile answers (REQUIREMENTS A5, B4, C4, D2, D3)."""

import pytest
from django.core.exceptions import ValidationError

from onboarding import services
from onboarding.models import LearnerProfile
from onboarding.selectors import PROFILE_ANSWER_FIELDS, learner_profile_answers, learner_profile_tags
from tests.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db


def _stored(user) -> dict:
    return LearnerProfile.objects.filter(user=user).values(*PROFILE_ANSWER_FIELDS).get()


def test_saving_an_answer_without_a_profiling_grant_is_refused_and_writes_nothing(learner):
    with pytest.raises(services.ProfilingConsentRequired):
        services.learner_profile_set_answer(user=learner, field="occupation", value="teacher")

    assert not LearnerProfile.objects.filter(user=learner).exists()


def test_saving_an_answer_after_skipping_the_consent_screen_is_refused(learner):
    from consent.services import consent_decline

    consent_decline(user=learner, purpose="profiling", surface="test")

    with pytest.raises(services.ProfilingConsentRequired):
        services.learner_profile_set_answer(user=learner, field="english_level", value="B1")
    assert not LearnerProfile.objects.filter(user=learner).exists()


def test_saving_an_answer_after_withdrawal_is_refused(granted_learner, django_capture_on_commit_callbacks):
    from consent.services import consent_withdraw

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(user=granted_learner, purpose="profiling", surface="test")

    with pytest.raises(services.ProfilingConsentRequired):
        services.learner_profile_set_answer(user=granted_learner, field="occupation", value="teacher")


def test_a_grant_for_another_purpose_does_not_allow_saving_answers(learner):
    from consent.services import consent_grant

    consent_grant(user=learner, purpose="product_news_sms", surface="test")

    with pytest.raises(services.ProfilingConsentRequired):
        services.learner_profile_set_answer(user=learner, field="occupation", value="teacher")


def test_an_answer_is_saved_with_a_current_grant(granted_learner):
    services.learner_profile_set_answer(user=granted_learner, field="learning_goal", value="travel")

    assert _stored(granted_learner) == {"occupation": None, "learning_goal": "travel", "english_level": None}


def test_saving_again_replaces_the_answer_in_the_same_row(granted_learner):
    services.learner_profile_set_answer(user=granted_learner, field="english_level", value="A2")
    services.learner_profile_set_answer(user=granted_learner, field="english_level", value="C1")

    assert LearnerProfile.objects.filter(user=granted_learner).count() == 1
    assert _stored(granted_learner)["english_level"] == "C1"


def test_an_answer_outside_the_curated_choices_is_refused(granted_learner):
    with pytest.raises(ValidationError) as caught:
        services.learner_profile_set_answer(user=granted_learner, field="occupation", value="astronaut")

    assert caught.value.code == "invalid_choice"
    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_an_unknown_question_is_refused(granted_learner):
    with pytest.raises(ValidationError) as caught:
        services.learner_profile_set_answer(user=granted_learner, field="income", value="high")

    assert caught.value.code == "unknown_question"


def test_deleting_one_answer_leaves_null_in_storage_and_keeps_the_others(granted_learner):
    LearnerProfileFactory(user=granted_learner, occupation="teacher", english_level="B2")

    services.learner_profile_delete_answer(user=granted_learner, field="occupation")

    assert _stored(granted_learner) == {"occupation": None, "learning_goal": None, "english_level": "B2"}


def test_deleting_an_answer_needs_no_consent(learner):
    LearnerProfileFactory(user=learner, learning_goal="business")

    services.learner_profile_delete_answer(user=learner, field="learning_goal")

    assert _stored(learner)["learning_goal"] is None


def test_delete_answers_erases_the_whole_profile(learner):
    LearnerProfileFactory(user=learner, occupation="teacher", learning_goal="travel", english_level="C2")

    services.learner_profile_delete_answers(user=learner)

    assert not LearnerProfile.objects.filter(user=learner).exists()
    assert learner_profile_answers(user=learner) == {}


def test_tags_list_each_stored_answer_with_readable_labels_in_question_order(learner):
    LearnerProfileFactory(user=learner, english_level="not_sure", occupation="university_student")

    tags = learner_profile_tags(user=learner)

    assert [(t.field, t.field_label, t.value, t.value_label) for t in tags] == [
        ("occupation", "occupation", "university_student", "University student"),
        ("english_level", "English level", "not_sure", "Not sure"),
    ]
