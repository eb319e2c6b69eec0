"""The catalog, enrollment and "My courses": the same for everyone (C5, B8)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations import selectors
from recommendations.models import Enrollment
from tests.factories import CourseFactory, EnrollmentFactory
from tests.recommendations.conftest import ANSWERS

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def listed_slugs(client, page=1):
    response = client.get(reverse("recommendations:course_list"), {"page": page})
    assert response.status_code == 200
    return [course.slug for course in response.context["page"].object_list]


def test_catalog_list_order_is_identical_with_and_without_a_profile(make_learner):
    for number in range(selectors.CATALOG_PAGE_SIZE + 5):
        CourseFactory(
            slug=f"c-{number:02d}",
            level_min=1 + number % 6,
            level_max=1 + number % 6,
            goals=",exam_preparation," if number % 2 else ",travel,",
        )
    profiled = client_for(make_learner(answers=ANSWERS, consent="granted"))
    anonymous = client_for()
    refused = client_for(make_learner(answers={}, consent="declined"))

    for page in (1, 2):
        assert listed_slugs(profiled, page) == listed_slugs(anonymous, page) == listed_slugs(refused, page)


def test_catalog_list_is_paginated_and_tolerates_bad_page_numbers(db):
    CourseFactory.create_batch(selectors.CATALOG_PAGE_SIZE + 1)
    client = client_for()

    assert len(listed_slugs(client, 1)) == selectors.CATALOG_PAGE_SIZE
    assert len(listed_slugs(client, 2)) == 1
    assert client.get(reverse("recommendations:course_list"), {"page": "x' OR 1=1"}).status_code == 200
    assert client.get(reverse("recommendations:course_list"), {"page": "999"}).status_code == 200


def test_catalog_list_hides_unpublished_courses(db):
    CourseFactory(slug="visible")
    CourseFactory(slug="hidden", published=False)

    assert listed_slugs(client_for()) == ["visible"]


def test_course_detail_is_public(db):
    course = CourseFactory(title_en="IELTS Speaking")

    response = client_for().get(course.get_absolute_url())

    assert response.status_code == 200
    assert "IELTS Speaking" in response.content.decode()


def test_course_detail_shows_the_chinese_title_in_chinese(db):
    course = CourseFactory(title_en="Small Talk", title_zh_hans="闲聊的艺术")

    response = client_for().get(course.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert "闲聊的艺术" in response.content.decode()


def test_an_unpublished_course_is_not_found(db):
    course = CourseFactory(published=False)

    assert client_for().get(course.get_absolute_url()).status_code == 404


def test_a_learner_who_refused_profiling_can_enroll(make_learner):
    # B8: refusing changes nothing but the recommendation section.
    learner = make_learner(consent="declined")
    course = CourseFactory()

    response = client_for(learner).post(reverse("recommendations:course_enroll", args=[course.slug]))

    assert response.status_code == 302
    assert Enrollment.objects.filter(user=learner, course=course).exists()


def test_enrolled_learner_sees_the_leave_button(make_learner):
    enrollment = EnrollmentFactory(user=make_learner())

    html = client_for(enrollment.user).get(enrollment.course.get_absolute_url()).content.decode()

    assert reverse("recommendations:course_leave", args=[enrollment.course.slug]) in html


def test_enrolling_needs_a_signed_in_learner(db):
    course = CourseFactory()

    response = client_for().post(reverse("recommendations:course_enroll", args=[course.slug]))

    assert response.status_code == 302
    assert not Enrollment.objects.exists()


def test_enrolling_by_get_is_refused(make_learner):
    course = CourseFactory()

    response = client_for(make_learner()).get(reverse("recommendations:course_enroll", args=[course.slug]))

    assert response.status_code == 405


def test_enrolling_in_an_unknown_course_is_not_found(make_learner):
    response = client_for(make_learner()).post(reverse("recommendations:course_enroll", args=["nope"]))

    assert response.status_code == 404


def test_leaving_removes_the_course_from_my_courses(make_learner):
    enrollment = EnrollmentFactory(user=make_learner())
    client = client_for(enrollment.user)

    response = client.post(reverse("recommendations:course_leave", args=[enrollment.course.slug]))

    assert response.status_code == 302
    assert list(client.get(reverse("recommendations:my_courses")).context["page"].object_list) == []


def test_leave_ignores_a_next_url_on_another_site(make_learner):
    enrollment = EnrollmentFactory(user=make_learner())

    response = client_for(enrollment.user).post(
        reverse("recommendations:course_leave", args=[enrollment.course.slug]),
        {"next": "https://evil.example/"},
    )

    assert response.url == reverse("recommendations:my_courses")


def test_my_courses_lists_only_my_enrollments(make_learner):
    mine = EnrollmentFactory(user=make_learner())
    EnrollmentFactory()

    response = client_for(mine.user).get(reverse("recommendations:my_courses"))

    assert [e.pk for e in response.context["page"].object_list] == [mine.pk]


def test_my_courses_needs_a_signed_in_learner(db):
    assert client_for().get(reverse("recommendations:my_courses")).status_code == 302


def test_catalog_list_never_reads_the_learner_profile(make_learner):
    # C5: the answers are for the recommendation section only.
    CourseFactory.create_batch(3)
    client = client_for(make_learner(answers=ANSWERS, consent="granted"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("recommendations:course_list"))

    assert response.status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if "onboarding_learnerprofile" in q["sql"]]
