"""Recommendations by API: the label, reasons, the switch, the same courses for everyone (B8, C1-C3)."""

import pytest

from tests.api.conftest import API, AppClient
from tests.factories import CourseFactory


@pytest.fixture
def catalog(db):
    return [
        CourseFactory(slug="business-english", goals=",business,", featured=True),
        CourseFactory(slug="travel-english", goals=",travel,"),
        CourseFactory(slug="exam-english", goals=",exam_preparation,"),
    ]


def test_anonymous_callers_get_the_popular_list(app, catalog):
    body = app.get(f"{API}/recommendations").json()
    assert body["label"] == "popular"
    assert body["switch_enabled"] is None
    assert {item["slug"] for item in body["items"]} == {"business-english", "travel-english", "exam-english"}


def test_without_consent_the_list_is_the_popular_one(signed_in, catalog):
    anonymous = AppClient().get(f"{API}/recommendations").json()
    body = signed_in.get(f"{API}/recommendations").json()
    assert body["label"] == "popular"
    assert body["items"] == anonymous["items"]


def test_with_a_grant_and_answers_the_list_is_personalized_with_reasons(granted, catalog):
    granted.put(f"{API}/profile/answers/learning_goal", {"answer": "travel"})
    body = granted.get(f"{API}/recommendations").json()
    assert body["label"] == "personalized"
    first = body["items"][0]
    assert first["slug"] == "travel-english"
    assert any("Travel" in reason for reason in first["reasons"])


def test_the_switch_turns_personalization_off_and_on_at_once(granted, catalog):
    granted.put(f"{API}/profile/answers/learning_goal", {"answer": "travel"})
    response = granted.put(f"{API}/recommendations/personalization", {"enabled": False})
    assert response.json() == {"enabled": False}
    assert granted.get(f"{API}/recommendations/personalization").json() == {"enabled": False}
    assert granted.get(f"{API}/recommendations").json()["label"] == "popular"
    granted.put(f"{API}/recommendations/personalization", {"enabled": True})
    assert granted.get(f"{API}/recommendations").json()["label"] == "personalized"


def test_the_catalog_and_enrollment_are_open_without_any_consent(signed_in, catalog):
    page = signed_in.get(f"{API}/courses").json()
    assert page["count"] == 3
    detail = signed_in.get(f"{API}/courses/travel-english").json()
    assert detail["enrolled"] is False
    assert signed_in.put(f"{API}/courses/travel-english/enrollment").json() == {
        "course": "travel-english",
        "enrolled": True,
    }
    assert signed_in.get(f"{API}/courses/travel-english").json()["enrolled"] is True
    assert signed_in.delete(f"{API}/courses/travel-english/enrollment").json()["enrolled"] is False


def test_an_unknown_course_is_a_404_problem(signed_in, catalog):
    response = signed_in.put(f"{API}/courses/no-such-course/enrollment")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_enrolling_needs_a_signed_in_person(app, catalog):
    assert app.put(f"{API}/courses/travel-english/enrollment").status_code == 401


@pytest.fixture
def course_with_lessons(db):
    from recommendations.models import Lesson

    course = CourseFactory(slug="lesson-course")
    for position in (1, 2):
        Lesson.objects.create(
            course=course,
            position=position,
            title_en=f"Lesson {position}",
            title_zh_hans=f"第 {position} 课",
            body_en="First paragraph.\n\nSecond paragraph.",
            body_zh_hans="第一段。\n\n第二段。",
        )
    return course


def test_lessons_and_progress_for_an_enrolled_learner(signed_in, course_with_lessons):
    detail = signed_in.get(f"{API}/courses/lesson-course").json()
    assert [lesson["position"] for lesson in detail["lessons"]] == [1, 2]
    assert detail["progress"] == {"done": 0, "total": 2, "next_lesson": 1}
    refused = signed_in.get(f"{API}/courses/lesson-course/lessons/1")
    assert (refused.status_code, refused.json()["code"]) == (403, "not_enrolled")
    assert signed_in.post(f"{API}/courses/lesson-course/lessons/1/done").json()["code"] == "not_enrolled"
    signed_in.put(f"{API}/courses/lesson-course/enrollment")
    lesson = signed_in.get(f"{API}/courses/lesson-course/lessons/1").json()
    assert lesson["paragraphs"] == ["First paragraph.", "Second paragraph."]
    assert lesson["next_lesson"] == 2
    done = signed_in.post(f"{API}/courses/lesson-course/lessons/1/done").json()
    assert done == {"done": 1, "total": 2, "next_lesson": 2}
    assert signed_in.get(f"{API}/courses/lesson-course/lessons/1").json()["done"] is True
    assert signed_in.get(f"{API}/courses/lesson-course/lessons/9").status_code == 404
