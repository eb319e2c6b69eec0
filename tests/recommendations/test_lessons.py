"""Lessons and progress: the syllabus, Start, Mark as done, Next lesson, My courses."""

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations import rankers, selectors, services
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


# --- The course page and its syllabus ---------------------------------------------------


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_course_page_shows_the_syllabus_to_everyone(client):
    course = course_with_lessons()

    html = client.get(course.get_absolute_url()).content.decode()

    assert "Syllabus" in html
    for position in range(1, 5):
        assert f"Lesson {position}" in html
    # Not enrolled: titles only, no links into the lessons, no Start.
    assert reverse("recommendations:lesson_detail", args=[course.slug, 1]) not in html


def test_after_enrolling_start_opens_lesson_1(make_learner):
    course = course_with_lessons()
    client = signed_in(make_learner())

    client.post(reverse("recommendations:course_enroll", args=[course.slug]))
    page = client.get(course.get_absolute_url())

    html = page.content.decode()
    start = re.search(r'<a class="btn btn-primary" href="([^"]+)">Start</a>', html)
    assert start is not None
    assert start.group(1) == reverse("recommendations:lesson_detail", args=[course.slug, 1])
    lesson = client.get(start.group(1))
    assert lesson.status_code == 200
    assert "First paragraph of 1." in lesson.content.decode()
    assert "Mark as done" in lesson.content.decode()


def test_mark_as_done_records_progress_and_next_lesson_opens_the_next(make_learner):
    course = course_with_lessons()
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    client = signed_in(learner)

    response = client.post(reverse("recommendations:lesson_done", args=[course.slug, 1]))

    assert response.status_code == 302
    assert response["Location"] == reverse("recommendations:lesson_detail", args=[course.slug, 1])
    assert LessonProgress.objects.filter(enrollment__user=learner, lesson__position=1).count() == 1
    lesson_page = client.get(response["Location"]).content.decode()
    assert "Mark as done" not in lesson_page
    next_url = reverse("recommendations:lesson_detail", args=[course.slug, 2])
    assert f'href="{next_url}">Next lesson</a>' in lesson_page
    assert "Second paragraph of 2." in client.get(next_url).content.decode()


def test_the_last_lesson_leads_back_to_the_course(make_learner):
    course = course_with_lessons(count=4)
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)

    html = (
        signed_in(learner)
        .get(reverse("recommendations:lesson_detail", args=[course.slug, 4]))
        .content.decode()
    )

    assert "Next lesson" not in html
    assert "Back to the course" in html


def test_marking_a_lesson_twice_keeps_one_row_and_the_first_time(make_learner):
    course = course_with_lessons()
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    lesson = course.lessons.get(position=2)
    first = services.lesson_mark_done(user=learner, lesson=lesson)

    again = services.lesson_mark_done(user=learner, lesson=lesson)

    assert again.pk == first.pk
    assert again.completed_at == first.completed_at
    assert LessonProgress.objects.count() == 1


def test_my_courses_shows_progress_per_course(make_learner):
    started = course_with_lessons(slug="started", count=5)
    untouched = course_with_lessons(slug="untouched", count=4)
    learner = make_learner()
    for course in (started, untouched):
        services.enrollment_create(user=learner, course=course)
    for position in (1, 2):
        services.lesson_mark_done(user=learner, lesson=started.lessons.get(position=position))

    response = signed_in(learner).get(reverse("recommendations:my_courses"))

    html = response.content.decode()
    assert "2 of 5 lessons done." in html
    assert "0 of 4 lessons done." in html
    assert '<progress value="2" max="5"' in html
    rows = {e.course.slug: (e.lessons_done, e.lessons_total) for e in response.context["page"].object_list}
    assert rows == {"started": (2, 5), "untouched": (0, 4)}


def test_the_course_page_says_continue_with_the_next_lesson_and_counts_progress(make_learner):
    course = course_with_lessons(count=4)
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    services.lesson_mark_done(user=learner, lesson=course.lessons.get(position=1))

    html = signed_in(learner).get(course.get_absolute_url()).content.decode()

    assert "1 of 4 lessons done." in html
    assert "Continue with lesson 2" in html


# --- Refusals: never a 500, never a half-write --------------------------------------------


def test_a_lesson_of_a_course_not_enrolled_in_is_refused_with_403(make_learner):
    course = course_with_lessons()
    client = signed_in(make_learner())

    page = client.get(reverse("recommendations:lesson_detail", args=[course.slug, 1]))
    done = client.post(reverse("recommendations:lesson_done", args=[course.slug, 1]))

    assert page.status_code == 403
    assert done.status_code == 403
    assert "Enroll to open the lessons" in page.content.decode()
    assert not LessonProgress.objects.exists()


@pytest.mark.parametrize("position", [0, 5, 999999])
def test_a_lesson_that_does_not_exist_is_a_404(make_learner, position):
    course = course_with_lessons(count=4)
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    client = signed_in(learner)

    assert (
        client.get(reverse("recommendations:lesson_detail", args=[course.slug, position])).status_code == 404
    )
    assert (
        client.post(reverse("recommendations:lesson_done", args=[course.slug, position])).status_code == 404
    )
    assert not LessonProgress.objects.exists()


def test_a_malformed_lesson_number_is_a_404(make_learner):
    course = course_with_lessons()
    client = signed_in(make_learner())

    assert client.get(f"/courses/{course.slug}/lessons/one/").status_code == 404
    assert client.post(f"/courses/{course.slug}/lessons/-1/done/").status_code == 404


def test_mark_as_done_needs_post_and_a_csrf_token(make_learner):
    course = course_with_lessons()
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    url = reverse("recommendations:lesson_done", args=[course.slug, 1])

    assert signed_in(learner).get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(url).status_code == 403
    assert not LessonProgress.objects.exists()


def test_lessons_need_a_signed_in_learner(client):
    course = course_with_lessons()

    assert client.get(reverse("recommendations:lesson_detail", args=[course.slug, 1])).status_code == 302
    assert client.post(reverse("recommendations:lesson_done", args=[course.slug, 1])).status_code == 302
    assert not LessonProgress.objects.exists()


# --- Progress is personal data: export, leaving, cancellation (D1, D4) --------------------


def test_leaving_a_course_erases_its_progress_only(make_learner):
    kept = course_with_lessons(slug="kept")
    left = course_with_lessons(slug="left")
    learner = make_learner()
    for course in (kept, left):
        services.enrollment_create(user=learner, course=course)
        services.lesson_mark_done(user=learner, lesson=course.lessons.get(position=1))

    services.enrollment_delete(user=learner, course=left)

    assert list(LessonProgress.objects.values_list("lesson__course__slug", flat=True)) == ["kept"]


def test_progress_is_declared_in_the_registry_with_its_model(db):
    from consent import registry

    category = next(c for c in registry.categories() if c.key == "lesson_progress")

    assert LessonProgress in category.models
    assert "never used for recommendations" in str(category.description)


def test_the_copy_of_my_data_holds_the_lesson_progress(make_learner, django_capture_on_commit_callbacks):
    from consent.models import DataExport

    course = course_with_lessons(slug="exported")
    learner = make_learner()
    services.enrollment_create(user=learner, course=course)
    services.lesson_mark_done(user=learner, lesson=course.lessons.get(position=3))
    client = signed_in(learner)

    page = client.get(reverse("consent:my_data")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("consent:export_request"))
    download = client.get(reverse("consent:export_download", args=[DataExport.objects.get().pk]))
    document = json.loads(download.content)

    assert "Your lesson progress" in page
    assert "Lesson 3" in page
    progress = document["categories"]["lesson_progress"]["data"]
    assert [(row["course"], row["lesson"], row["title"]) for row in progress] == [("exported", 3, "Lesson 3")]


def test_cancellation_erases_the_lesson_progress(make_learner):
    from consent import services as consent_services

    course = course_with_lessons()
    learner = make_learner()
    other = make_learner()
    for user in (learner, other):
        services.enrollment_create(user=user, course=course)
        services.lesson_mark_done(user=user, lesson=course.lessons.get(position=1))

    consent_services.account_erase(user=learner)

    assert not LessonProgress.objects.filter(enrollment__user_id=learner.pk).exists()
    assert LessonProgress.objects.filter(enrollment__user=other).count() == 1
    assert Lesson.objects.filter(course=course).count() == 4


def test_the_privacy_policy_describes_lesson_progress_in_both_languages(db):
    from consent import notices

    policy = notices.privacy_policy_notice()

    assert policy.version == "1.2"
    english = policy.render("en")
    assert "lesson progress" in english
    assert "never used for recommendations" in english
    assert "erased when you leave that course" in english
    assert "学习进度" in policy.render("zh-hans")


def test_with_the_tour_on_the_course_page_contrasts_progress_with_the_optional_profile(client, settings):
    settings.COMPLIANCE_TOUR = True
    course = course_with_lessons()

    html = client.get(course.get_absolute_url()).content.decode()

    assert "Compare with the optional profile" in html
    assert "PIPL 13(1)(2)" in html
    assert "D1, D4, C5" in html
