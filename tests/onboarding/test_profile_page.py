"""My profile: every tag, changed or deleted one by one (REQUIREMENTS C4, D2)."""

import pytest
from django.urls import reverse

from onboarding.models import LearnerProfile
from onboarding.selectors import learner_profile_answers
from tests.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db


def _change_url(field: str) -> str:
    return reverse("onboarding:profile_answer_change", args=[field])


def _delete_url(field: str) -> str:
    return reverse("onboarding:profile_answer_delete", args=[field])


def test_profile_shows_each_answer_as_a_tag_with_change_and_delete(client, granted_learner):
    LearnerProfileFactory(user=granted_learner, occupation="teacher", english_level="B1")
    client.force_login(granted_learner)

    html = client.get(reverse("onboarding:profile")).content.decode()

    assert "Teacher" in html
    assert "B1 Intermediate" in html
    for field in ("occupation", "english_level"):
        assert f'href="{_change_url(field)}"' in html
        assert f'action="{_delete_url(field)}"' in html
    assert f'action="{_delete_url("learning_goal")}"' not in html


def test_profile_says_no_answers_and_what_answers_are_for(client, granted_learner):
    client.force_login(granted_learner)

    html = client.get(reverse("onboarding:profile")).content.decode()

    assert "No answers" in html
    assert "use to recommend courses, and they are used for nothing else" in html
    assert "withdraw your consent in the" in html


def test_deleting_a_tag_leaves_no_value_in_the_database(client, granted_learner):
    LearnerProfileFactory(user=granted_learner, occupation="teacher", learning_goal="travel")
    client.force_login(granted_learner)

    response = client.post(_delete_url("occupation"))

    assert response.status_code == 302
    assert response["Location"] == reverse("onboarding:profile")
    row = LearnerProfile.objects.filter(user=granted_learner).values("occupation", "learning_goal").get()
    assert row == {"occupation": None, "learning_goal": "travel"}
    assert "Teacher" not in client.get(reverse("onboarding:profile")).content.decode()


def test_a_tag_cannot_be_deleted_by_get(client, granted_learner):
    LearnerProfileFactory(user=granted_learner, occupation="teacher")
    client.force_login(granted_learner)

    assert client.get(_delete_url("occupation")).status_code == 405
    assert learner_profile_answers(user=granted_learner) == {"occupation": "teacher"}


def test_deleting_an_unknown_tag_is_404(client, granted_learner):
    client.force_login(granted_learner)

    assert client.post(_delete_url("password")).status_code == 404


def test_change_shows_the_question_with_the_current_answer_chosen(client, granted_learner):
    LearnerProfileFactory(user=granted_learner, learning_goal="travel")
    client.force_login(granted_learner)

    html = client.get(_change_url("learning_goal")).content.decode()

    assert "What is your main reason for learning English?" in html
    assert 'value="travel" class="form-check-input" id="id_answer_2" checked' in html


def test_a_changed_tag_is_reflected_on_the_next_request(client, granted_learner):
    LearnerProfileFactory(user=granted_learner, english_level="A2")
    client.force_login(granted_learner)

    response = client.post(_change_url("english_level"), {"answer": "C1"})

    assert response["Location"] == reverse("onboarding:profile")
    assert learner_profile_answers(user=granted_learner) == {"english_level": "C1"}
    html = client.get(reverse("onboarding:profile")).content.decode()
    assert "C1 Advanced" in html
    assert "A2 Elementary" not in html


def test_changing_to_an_unknown_choice_is_a_400_and_keeps_the_answer(client, granted_learner):
    LearnerProfileFactory(user=granted_learner, english_level="A2")
    client.force_login(granted_learner)

    response = client.post(_change_url("english_level"), {"answer": "Z9"})

    assert response.status_code == 400
    assert learner_profile_answers(user=granted_learner) == {"english_level": "A2"}


def test_without_a_grant_answers_are_shown_and_deletable_but_not_changeable(client, learner):
    LearnerProfileFactory(user=learner, occupation="teacher")
    client.force_login(learner)

    html = client.get(reverse("onboarding:profile")).content.decode()

    assert "Teacher" in html
    assert f'action="{_delete_url("occupation")}"' in html
    assert f'href="{_change_url("occupation")}"' not in html
    assert f'href="{reverse("consent:screen", args=["profiling"])}"' in html


def test_without_a_grant_the_change_page_sends_to_the_consent_screen(client, learner):
    LearnerProfileFactory(user=learner, occupation="teacher")
    client.force_login(learner)

    response = client.post(_change_url("occupation"), {"answer": "other"})

    assert response["Location"] == reverse("consent:screen", args=["profiling"])
    assert learner_profile_answers(user=learner) == {"occupation": "teacher"}


def test_without_a_grant_a_tag_can_still_be_deleted(client, learner):
    LearnerProfileFactory(user=learner, occupation="teacher")
    client.force_login(learner)

    client.post(_delete_url("occupation"))

    assert LearnerProfile.objects.filter(user=learner).values_list("occupation", flat=True).get() is None


def test_the_profile_needs_a_signed_in_person(client):
    response = client.get(reverse("onboarding:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_request_login_code"))
