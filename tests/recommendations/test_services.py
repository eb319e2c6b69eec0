from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from recommendations import selectors, services
from recommendations.models import Enrollment, PersonalizationPreference
from tests.factories import CourseFactory, EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_enrolling_twice_keeps_one_enrollment():
    user, course = UserFactory(), CourseFactory()

    first = services.enrollment_create(user=user, course=course)
    second = services.enrollment_create(user=user, course=course)

    assert first.pk == second.pk
    assert Enrollment.objects.filter(user=user).count() == 1


def test_leaving_deletes_the_enrollment_row():
    enrollment = EnrollmentFactory()

    assert services.enrollment_delete(user=enrollment.user, course=enrollment.course) is True
    assert not Enrollment.objects.filter(pk=enrollment.pk).exists()


def test_leaving_a_course_one_is_not_enrolled_in_reports_false():
    assert services.enrollment_delete(user=UserFactory(), course=CourseFactory()) is False


def test_personalization_set_stores_the_preference():
    user = UserFactory()

    services.personalization_set(user=user, enabled=False)

    assert PersonalizationPreference.objects.get(user=user).enabled is False


def test_catalog_change_invalidates_cached_rankings_after_commit(django_capture_on_commit_callbacks):
    CourseFactory(slug="old")
    assert [row["slug"] for row in selectors.popular_courses()] == ["old"]
    CourseFactory(slug="new", featured=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.catalog_changed()

    assert [row["slug"] for row in selectors.popular_courses()] == ["new", "old"]


def test_a_new_enrollment_alone_does_not_invalidate_the_cached_ranking():
    # The documented choice: popularity refreshes by TTL, not per enrollment.
    b = CourseFactory(slug="b", created_at=timezone.now() - timedelta(days=1))
    CourseFactory(slug="a")
    assert [row["slug"] for row in selectors.popular_courses()] == ["a", "b"]
    EnrollmentFactory(course=b)

    assert [row["slug"] for row in selectors.popular_courses()] == ["a", "b"]
    cache.clear()
    assert [row["slug"] for row in selectors.popular_courses()] == ["b", "a"]


def test_personal_data_lists_enrollments_and_the_switch():
    enrollment = EnrollmentFactory()
    services.personalization_set(user=enrollment.user, enabled=False)

    data = selectors.personal_data_for_user(user=enrollment.user)

    assert [item["course"] for item in data["enrollments"]] == [enrollment.course.slug]
    assert data["personalization"]["enabled"] is False


def test_personal_data_erase_removes_enrollments_and_preferences():
    enrollment = EnrollmentFactory()
    user = enrollment.user
    services.personalization_set(user=user, enabled=False)

    services.personal_data_erase(user=user)

    assert not Enrollment.objects.filter(user=user).exists()
    assert not PersonalizationPreference.objects.filter(user=user).exists()
