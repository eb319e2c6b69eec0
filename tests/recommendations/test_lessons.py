"""Lessons and progress: the syllabus, Start, Mark as done, Next lesson, My courses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recommendations import rankers, selectors
from recommendations.models import Enrollment, Lesson, LessonProgress
from tests.factories import CourseFactory, UserFactory
from tests.recommendations.conftest import ANSWERS

pytestmark = pytest.mark.django_db


def course_with_lessons(slug="course-with-lessons", count=4, **fields):
    course = CourseFactory(slug=slug, **fields)
    for position in range(1, count + 1):
        Lesson.objects.create(
            course=course,
            position=position,
            title_en=f"Lesson {position}",
            title_zh_hans=f"第 {position} 课",
            body_en=f"First paragraph of {position}.\n\nSecond paragraph of {position}.",
            body_zh_hans=f"第 {position} 课第一段。\n\n第 {position} 课第二段。",
        )
    return course


# --- Progress is never an input of the rankers (C5) -----------------------------------


def test_the_rankers_never_read_lesson_progress(make_learner):
    course = course_with_lessons(level_min=3, level_max=4, goals=",exam_preparation,")
    learner = make_learner(answers=ANSWERS, consent="granted")
    enrollment = Enrollment.objects.create(user=learner, course=course)
    LessonProgress.objects.create(enrollment=enrollment, lesson=course.lessons.first())
    table = LessonProgress._meta.db_table

    with CaptureQueriesContext(connection) as queries:
        rankers.rank_personalized(answers=ANSWERS, limit=12)
        rankers.rank_popular(limit=12)
        recommendations = selectors.recommendations_for(user=learner)
        assert recommendations.personalized
        assert recommendations.courses

    assert queries.captured_queries
    assert not [query["sql"] for query in queries.captured_queries if table in query["sql"]]


def test_progress_does_not_change_a_ranking():
    course = course_with_lessons(level_min=3, level_max=4, goals=",business,")
    CourseFactory(slug="other", level_min=3, level_max=4, goals=",business,")
    enrollment = Enrollment.objects.create(user=UserFactory(), course=course)
    before = rankers.rank_personalized(answers=ANSWERS, limit=12)
    for lesson in course.lessons.all():
        LessonProgress.objects.create(enrollment=enrollment, lesson=lesson)

    after = rankers.rank_personalized(answers=ANSWERS, limit=12)

    assert [(row["slug"], row["reasons"]) for row in after] == [
        (row["slug"], row["reasons"]) for row in before
    ]
