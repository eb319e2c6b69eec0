"""Profile questions by API: in order, skippable, changed, deleted; nothing without consent (B4, C4, D2)."""

import pytest

from onboarding.models import LearnerProfile
from tests.api.conftest import API


def test_questions_come_in_order_with_their_choices_and_no_default(granted):
    body = granted.get(f"{API}/profile/questions").json()
    assert body["can_answer"] is True
    assert [(q["position"], q["field"]) for q in body["questions"]] == [
        (1, "occupation"),
        (2, "learning_goal"),
        (3, "english_level"),
    ]
    assert all(q["answer"] is None and q["choices"] for q in body["questions"])


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", f"{API}/profile/answers/occupation", {"answer": "teacher"}),
        ("POST", f"{API}/profile/questions/occupation/skip", {}),
        ("POST", f"{API}/profile/questions/skip-rest", {}),
    ],
)
def test_without_a_profiling_grant_writes_are_refused_with_403_and_nothing_is_written(
    signed_in, method, path, body
):
    response = signed_in.request(method, path, body)
    assert response.status_code == 403
    assert response.json()["code"] == "consent_required"
    assert not LearnerProfile.objects.exists()


def test_answer_change_and_delete(granted):
    assert granted.put(f"{API}/profile/answers/occupation", {"answer": "teacher"}).status_code == 200
    response = granted.put(f"{API}/profile/answers/occupation", {"answer": "working_professional"})
    assert response.json()["answer"] == "working_professional"
    assert LearnerProfile.objects.get().occupation == "working_professional"
    assert granted.delete(f"{API}/profile/answers/occupation").status_code == 204
    assert LearnerProfile.objects.get().occupation is None
    assert granted.get(f"{API}/profile/questions").json()["questions"][0]["answer"] is None


def test_skip_one_writes_nothing_and_names_the_next_question(granted):
    granted.put(f"{API}/profile/answers/learning_goal", {"answer": "travel"})
    response = granted.post(f"{API}/profile/questions/learning_goal/skip")
    assert response.json() == {"next_question": "english_level", "saved": False}
    assert LearnerProfile.objects.get().learning_goal == "travel"  # kept as it was
    last = granted.post(f"{API}/profile/questions/english_level/skip").json()
    assert last["next_question"] is None


def test_skip_the_rest_writes_nothing(granted):
    assert granted.post(f"{API}/profile/questions/skip-rest").json() == {
        "next_question": None,
        "saved": False,
    }
    assert not LearnerProfile.objects.exists()


def test_an_answer_not_offered_is_a_field_error(granted):
    response = granted.put(f"{API}/profile/answers/occupation", {"answer": "astronaut"})
    assert response.status_code == 400
    assert response.json()["errors"]["answer"][0]["code"] == "invalid_choice"
    assert not LearnerProfile.objects.exists()


def test_an_unknown_question_is_a_404(granted):
    assert granted.put(f"{API}/profile/answers/salary", {"answer": "high"}).status_code == 404


def test_deleting_needs_no_consent(signed_in):
    assert signed_in.delete(f"{API}/profile/answers/occupation").status_code == 204
