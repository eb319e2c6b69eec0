"""The catalog metadata the ranker needs, in the demo and the synthetic catalog."""

import pytest
from django.core.management import call_command

from recommendations.demo_catalog import DEMO_COURSES
from recommendations.models import Course, Lesson, LessonProgress, Specialisation
from tests.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db


def test_every_demo_course_has_a_target_level_in_its_range_a_focus_and_4_to_8_bilingual_lessons():
    call_command("load_demo_catalog", verbosity=0)

    for course in Course.objects.prefetch_related("lessons"):
        assert course.level_min <= course.target_level <= course.level_max, course.slug
        assert course.focus_en, course.slug
        assert course.focus_zh_hans, course.slug
        assert course.specialisation in Specialisation.values, course.slug
        lessons = list(course.lessons.all())
        assert 4 <= len(lessons) <= 8, course.slug
        assert [lesson.position for lesson in lessons] == list(range(1, len(lessons) + 1))
        for lesson in lessons:
            assert lesson.title_en
            assert lesson.title_zh_hans
            assert len(lesson.paragraphs) >= 2


def test_the_demo_catalog_has_general_and_specialised_courses_for_business():
    call_command("load_demo_catalog", verbosity=0)
    business = Course.objects.filter(goals__contains=",business,")

    assert business.filter(specialisation="").count() >= 5
    assert set(business.exclude(specialisation="").values_list("specialisation", flat=True)) == {
        "healthcare",
        "hospitality",
        "it",
    }


def test_reloading_the_demo_catalog_keeps_its_lessons_and_the_progress_in_them():
    call_command("load_demo_catalog", verbosity=0)
    lesson = Lesson.objects.get(course__slug="ielts-foundation", position=2)
    enrollment = EnrollmentFactory(course=lesson.course)
    LessonProgress.objects.create(enrollment=enrollment, lesson=lesson)
    Lesson.objects.filter(pk=lesson.pk).update(title_en="Edited")
    ids = set(Lesson.objects.values_list("pk", flat=True))

    call_command("load_demo_catalog", verbosity=0)

    assert set(Lesson.objects.values_list("pk", flat=True)) == ids
    assert Lesson.objects.count() == sum(len(course["lessons"]) for course in DEMO_COURSES)
    assert Lesson.objects.get(pk=lesson.pk).title_en == demo_lesson_title("ielts-foundation", 2)
    assert LessonProgress.objects.filter(lesson=lesson).count() == 1


def demo_lesson_title(slug, position):
    course = next(course for course in DEMO_COURSES if course["slug"] == slug)
    return course["lessons"][position - 1]["title_en"]


def test_synthetic_courses_get_the_same_metadata_and_4_to_6_lessons_each():
    call_command("load_demo_catalog", synthetic=30, verbosity=0)

    synthetic = Course.objects.filter(slug__startswith="synthetic-").prefetch_related("lessons")
    assert synthetic.count() == 30
    assert synthetic.exclude(specialisation="").exists()
    for course in synthetic:
        assert course.level_min <= course.target_level <= course.level_max
        assert course.focus_en
        assert course.focus_zh_hans
        assert 4 <= course.lessons.count() <= 6
        assert all(lesson.body_en and lesson.body_zh_hans for lesson in course.lessons.all())
