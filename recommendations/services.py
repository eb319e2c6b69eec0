"""Writes of the catalog, enrollments and personalization preferences."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from recommendations.demo_catalog import DEMO_COURSES, synthetic_course_fields, synthetic_lessons
from recommendations.models import Course, Enrollment, Lesson, LessonProgress, PersonalizationPreference
from recommendations.selectors import CATALOG_VERSION_KEY

# --- Catalog ----------------------------------------------------------------


def catalog_changed() -> None:
    """Drop every cached ranking once the current transaction commits.

    After commit, not before: a request running between the bump and the
    commit would otherwise cache the old catalog under the new version.
    """
    transaction.on_commit(lambda: cache.set(CATALOG_VERSION_KEY, uuid.uuid4().hex, timeout=None))


@transaction.atomic
def catalog_load_demo() -> tuple[int, int]:
    """Create or update the demo courses by slug. Returns (created, updated).

    Idempotent: running it again updates the same rows. A course keeps the
    creation time it got the first time, so "newest" does not reshuffle on
    every `make run`.
    """
    created_count = 0
    now = timezone.now()
    total = len(DEMO_COURSES)
    for position, fields in enumerate(DEMO_COURSES):
        fields = dict(fields)
        slug = fields.pop("slug")
        lessons = fields.pop("lessons")
        fields["goals"] = _wrap(fields["goals"])
        fields["audiences"] = _wrap(fields["audiences"])
        course, created = Course.objects.update_or_create(
            slug=slug,
            defaults={**fields, "published": True},
            create_defaults={
                **fields,
                "published": True,
                "created_at": now - timedelta(days=total - position),
            },
        )
        created_count += created
        _syllabus_set(course=course, lessons=lessons)
    catalog_changed()
    return created_count, total - created_count


def _syllabus_set(*, course: Course, lessons: list[dict]) -> None:
    """Make the course's lessons exactly these, by position (idempotent)."""
    for lesson in lessons:
        fields = dict(lesson)
        Lesson.objects.update_or_create(course=course, position=fields.pop("position"), defaults=fields)
    Lesson.objects.filter(course=course, position__gt=len(lessons)).delete()


def catalog_add_synthetic(*, count: int, batch_size: int = 5000, seed: int = 20220425) -> int:
    """Add `count` generated courses, for benchmarks. Returns how many were added.

    Slugs continue after the highest existing synthetic one, so the command
    can be run again to grow the catalog. bulk_create: 100,000 rows take
    seconds, not minutes.
    """
    if count <= 0:
        return 0
    start = Course.objects.filter(slug__startswith="synthetic-").count()
    rng = random.Random(seed + start)  # noqa: S311 - benchmark data, not security
    now = timezone.now()
    with transaction.atomic():
        for offset in range(0, count, batch_size):
            batch = []
            numbers = range(start + offset, start + min(offset + batch_size, count))
            for number in numbers:
                fields = synthetic_course_fields(number=number, rng=rng)
                batch.append(
                    Course(
                        slug=f"synthetic-{number:07d}",
                        goals=_wrap(fields.pop("goals")),
                        audiences=_wrap(fields.pop("audiences")),
                        created_at=now - timedelta(minutes=rng.randint(60, 60 * 24 * 720)),
                        **fields,
                    )
                )
            courses = Course.objects.bulk_create(batch, batch_size=batch_size)
            Lesson.objects.bulk_create(
                (
                    Lesson(course_id=course.pk, **lesson)
                    for number, course in zip(numbers, courses, strict=True)
                    for lesson in synthetic_lessons(
                        number=number, title_en=course.title_en, title_zh=course.title_zh_hans
                    )
                ),
                batch_size=batch_size,
            )
        catalog_changed()
    return count


def _wrap(codes: list[str] | tuple[str, ...]) -> str:
    """["business", "travel"] -> ",business,travel," (see Course.goals)."""
    return f",{','.join(codes)}," if codes else ""


# --- Enrollments ------------------------------------------------------------


def enrollment_create(*, user, course: Course) -> Enrollment:
    """Enroll a learner; enrolling twice is harmless and keeps the first date."""
    try:
        with transaction.atomic():
            enrollment, _ = Enrollment.objects.get_or_create(user=user, course=course)
    except IntegrityError:
        # A double click raced us to the unique constraint: the row exists.
        enrollment = Enrollment.objects.get(user=user, course=course)
    return enrollment


def enrollment_delete(*, user, course: Course) -> bool:
    """Leave a course. The row is deleted, not flagged, and the progress in it
    with it (it is kept only to serve this enrollment). Returns False if not enrolled."""
    with transaction.atomic():
        LessonProgress.objects.filter(enrollment__user=user, enrollment__course=course).delete()
        deleted, _ = Enrollment.objects.filter(user=user, course=course).delete()
    return bool(deleted)


# --- Lesson progress (contract basis: necessary for the course the learner chose) ---


class NotEnrolledError(Exception):
    """Progress can only be recorded in a course the learner is enrolled in."""


def lesson_mark_done(*, user, lesson: Lesson) -> LessonProgress:
    """Mark a lesson as done; marking it twice keeps the first time."""
    enrollment = Enrollment.objects.filter(user=user, course_id=lesson.course_id).first()
    if enrollment is None:
        raise NotEnrolledError(lesson.course_id)
    try:
        with transaction.atomic():
            progress, _ = LessonProgress.objects.get_or_create(enrollment=enrollment, lesson=lesson)
    except IntegrityError:
        # A double click raced us to the unique constraint: the row exists.
        progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)
    return progress


# --- Preferences ------------------------------------------------------------


def personalization_set(*, user, enabled: bool) -> PersonalizationPreference:
    """Turn personalized recommendations on or off (ALG 17, REQUIREMENTS C2).

    A preference, not a consent decision: the consent ledger is not touched,
    and the next request already uses the new value (nothing about a person
    is cached).
    """
    preference, _ = PersonalizationPreference.objects.update_or_create(
        user=user, defaults={"enabled": enabled}
    )
    return preference


def personalization_invitation_dismiss(*, user, notice_version: str) -> PersonalizationPreference:
    """Hide the invitation to personalize until the profiling notice changes (B5)."""
    preference, _ = PersonalizationPreference.objects.update_or_create(
        user=user, defaults={"invitation_dismissed_version": notice_version}
    )
    return preference


# --- Personal data (D1, D4) -------------------------------------------------


def personal_data_erase(*, user) -> None:
    """Erase everything this app holds about one learner. Idempotent."""
    LessonProgress.objects.filter(enrollment__user=user).delete()
    Enrollment.objects.filter(user=user).delete()
    PersonalizationPreference.objects.filter(user=user).delete()
