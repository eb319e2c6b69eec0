"""Reads of the catalog, enrollments and recommendations.

`recommendations_for` is the one place that decides whether a person gets
personalized recommendations. Nothing else in the project reads the learner
profile for anything (REQUIREMENTS C5): not the catalog list, not messages.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consent import purposes
from consent import selectors as consent_selectors
from onboarding import consent_purposes
from onboarding import selectors as onboarding_selectors
from onboarding.choices import EnglishLevel, LearningGoal, Occupation
from recommendations import rankers
from recommendations.models import (
    CefrLevel,
    Course,
    Enrollment,
    Lesson,
    LessonProgress,
    PersonalizationPreference,
    Specialisation,
    localized,
)

HOME_LIMIT = 12
CATALOG_PAGE_SIZE = 24
MY_COURSES_PAGE_SIZE = 50
PROFILING = consent_purposes.PROFILING

# Cache policy (which and why):
# - Catalog changes (load_demo_catalog, the admin) bump CATALOG_VERSION_KEY after
#   commit, so a new, edited, unpublished or newly featured course shows at once:
#   those are editorial decisions a reader expects to see immediately.
# - Enrollments do NOT invalidate; the cached lists expire after
#   RANKING_CACHE_SECONDS instead. Popularity counts 30 days of enrollments, so
#   one more enrollment barely moves it, while invalidating on every enrollment
#   would empty the cache exactly when the site is busiest and make every
#   worker recompute the ranking at once. An hour of staleness in a 30-day
#   popularity order harms nobody, while recomputing costs 0.3-0.6 s per
#   answer combination at 100,000 courses: every five minutes, the up to 150
#   combinations kept a worker busy (docs/PERFORMANCE.md).
CATALOG_VERSION_KEY = "recommendations:catalog-version"
RANKING_CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class RecommendedCourse:
    slug: str
    title: str
    summary: str
    level_range: str
    featured: bool
    reasons: tuple[str, ...]

    @property
    def url(self) -> str:
        return reverse("recommendations:course_detail", args=[self.slug])


@dataclass(frozen=True)
class Recommendations:
    """What the home page shows in its recommendation section."""

    personalized: bool
    # Names the list shown: the ranker, the catalog version and, when
    # personalized, the answer combination; never a person. Everyone with the
    # same key sees the same list, so the page caches its rendering under it.
    list_key: str
    # None for visitors who are not signed in: they have no switch to show.
    switch_enabled: bool | None
    consent_granted: bool
    # "granted", "declined", "withdrawn" or "undecided": the home page says
    # which, so "off" always comes with its true reason.
    consent_standing: str
    # The profiling notice version a dismissible invitation to personalize is
    # shown for; "" when no invitation is shown.
    invitation_version: str
    rows: Callable[[], list[dict[str, Any]]] = field(repr=False, compare=False)

    @cached_property
    def courses(self) -> tuple[RecommendedCourse, ...]:
        # Built on first use only: when the rendered list is already cached,
        # neither the ranked rows nor their translations are needed.
        return tuple(present_course(row, personalized=self.personalized) for row in self.rows())


# --- Catalog ----------------------------------------------------------------


def course_catalog_page(*, page: str | int | None) -> Page:
    """One page of the public catalog.

    The order is fixed (level, then slug) and never depends on who is looking
    (REQUIREMENTS C5, B8). A missing, malformed or out-of-range page number
    gives the first or last page, never an error.
    """
    courses = Course.objects.filter(published=True).order_by("level_min", "level_max", "slug")
    return Paginator(courses, CATALOG_PAGE_SIZE).get_page(page)


def course_get_published(*, slug: str) -> Course | None:
    return Course.objects.filter(slug=slug, published=True).first()


def course_get(*, slug: str) -> Course | None:
    """Any course, published or not: a learner can always leave a withdrawn course."""
    return Course.objects.filter(slug=slug).first()


def catalog_version() -> str:
    return cache.get_or_set(CATALOG_VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


# --- Enrollments ------------------------------------------------------------


def enrollment_exists(*, user, course: Course) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Enrollment.objects.filter(user=user, course=course).exists()


def enrollments_of(*, user) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(user=user).select_related("course").order_by("-created_at", "-id")


def _count(queryset: QuerySet, field: str) -> Coalesce:
    """A correlated COUNT, so two counts over different relations do not multiply."""
    counted = queryset.order_by().values(field).annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def my_courses_page(*, user, page: str | int | None) -> Page:
    """One page of the learner's enrollments, each with lessons_total and lessons_done."""
    enrollments = enrollments_of(user=user).annotate(
        lessons_total=_count(Lesson.objects.filter(course=OuterRef("course")), "course"),
        lessons_done=_count(LessonProgress.objects.filter(enrollment=OuterRef("pk")), "enrollment"),
    )
    return Paginator(enrollments, MY_COURSES_PAGE_SIZE).get_page(page)


# --- Lessons and progress ---------------------------------------------------


@dataclass(frozen=True)
class SyllabusEntry:
    lesson: Lesson
    done: bool


@dataclass(frozen=True)
class CourseProgress:
    """Where a learner stands in a course: the syllabus with what they marked as done."""

    enrolled: bool
    syllabus: tuple[SyllabusEntry, ...]

    @property
    def total(self) -> int:
        return len(self.syllabus)

    @property
    def done(self) -> int:
        return sum(entry.done for entry in self.syllabus)

    @property
    def next_lesson(self) -> Lesson | None:
        """The first lesson not yet done; None when there are none left (or none at all)."""
        return next((entry.lesson for entry in self.syllabus if not entry.done), None)

    @property
    def started(self) -> bool:
        return self.done > 0


def enrollment_get(*, user, course: Course) -> Enrollment | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrollment.objects.filter(user=user, course=course).first()


def course_progress(*, user, course: Course) -> CourseProgress:
    """The syllabus of a course, with the lessons this learner marked as done.

    Two queries: the enrollment, then the lessons with a done flag. Progress
    is read for its owner only, to show where they stand in the course they
    chose; nothing else reads it (C5).
    """
    enrolled = enrollment_exists(user=user, course=course)
    lessons = Lesson.objects.filter(course=course).order_by("position")
    if enrolled:
        lessons = lessons.annotate(
            done=Exists(
                LessonProgress.objects.filter(
                    enrollment__user=user, enrollment__course=course, lesson=OuterRef("pk")
                )
            )
        )
    syllabus = []
    for lesson in lessons:
        lesson.course = course  # each link names the course: no query per lesson
        syllabus.append(SyllabusEntry(lesson=lesson, done=getattr(lesson, "done", False)))
    return CourseProgress(enrolled=enrolled, syllabus=tuple(syllabus))


def lesson_entry(*, progress: CourseProgress, position: int) -> SyllabusEntry | None:
    return next((entry for entry in progress.syllabus if entry.lesson.position == position), None)


def lesson_after(*, progress: CourseProgress, position: int) -> Lesson | None:
    return next((entry.lesson for entry in progress.syllabus if entry.lesson.position > position), None)


def lesson_get(*, course: Course, position: int) -> Lesson | None:
    return Lesson.objects.filter(course=course, position=position).first()


# --- Preferences ------------------------------------------------------------


def personalization_preference(*, user) -> tuple[bool, str]:
    """(switch enabled, invitation dismissed for version). No row: (True, "")."""
    row = (
        PersonalizationPreference.objects.filter(user=user)
        .values_list("enabled", "invitation_dismissed_version")
        .first()
    )
    return row if row is not None else (True, "")


def personalization_is_enabled(*, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return personalization_preference(user=user)[0]


# --- Recommendations --------------------------------------------------------


# "Written for ...": the occupation as the group a course is written for.
OCCUPATION_AUDIENCES = {
    Occupation.SCHOOL_STUDENT: gettext_lazy("Written for school students"),
    Occupation.UNIVERSITY_STUDENT: gettext_lazy("Written for university students"),
    Occupation.WORKING_PROFESSIONAL: gettext_lazy("Written for working professionals"),
    Occupation.TEACHER: gettext_lazy("Written for teachers"),
    Occupation.OTHER: gettext_lazy("Written for adult learners like you"),
}


def reason_text(kind: str, code: str, *, row: dict[str, Any] | None = None) -> str:
    """One line of "Why this course?", in the active language: what matched for this course."""
    row = row or {}
    if kind == "learning_goal":
        focus = localized(en=row.get("focus_en", ""), zh_hans=row.get("focus_zh_hans", ""))
        goal = LearningGoal(code).label
        if focus:
            return _("For your goal, %(goal)s: %(focus)s") % {"goal": goal, "focus": focus}
        return _("For your goal: %(goal)s") % {"goal": goal}
    if kind == "exam":
        return _("Prepares you for an exam: %(exam)s") % {"exam": Specialisation(code).label}
    if kind == "level_same":
        return _("At your level: %(level)s") % {"level": code}
    if kind == "level_above":
        return _("One step above your level: %(level)s") % {"level": code}
    if kind == "level_below":
        return _("One step below your level, for review: %(level)s") % {"level": code}
    if kind == "english_level":
        # Lists cached by the previous ranker (at most RANKING_CACHE_SECONDS old) still say this.
        return _("Matches your English level: %(level)s") % {"level": EnglishLevel(code).label}
    return str(OCCUPATION_AUDIENCES[Occupation(code)])


def present_course(row: dict[str, Any], *, personalized: bool) -> RecommendedCourse:
    reasons = tuple(reason_text(kind, code, row=row) for kind, code in row["reasons"])
    if personalized and not reasons:
        # Honest about items that fill the list without matching an answer (ALG 16).
        reasons = (_("None of your answers matched; shown because it is popular with learners."),)
    low, high = CefrLevel(row["level_min"]).label, CefrLevel(row["level_max"]).label
    return RecommendedCourse(
        slug=row["slug"],
        title=localized(en=row["title_en"], zh_hans=row["title_zh_hans"]),
        summary=localized(en=row["summary_en"], zh_hans=row["summary_zh_hans"]),
        level_range=low if low == high else f"{low}–{high}",
        featured=row["featured"],
        reasons=reasons,
    )


def _popular_key(*, limit: int) -> str:
    return f"popular:{catalog_version()}:{limit}"


def _personalized_key(*, answers: dict[str, str], limit: int) -> str:
    combination = ":".join(answers.get(key, "-") for key in rankers.ANSWER_CHOICES)
    return f"personalized:{catalog_version()}:{limit}:{combination}"


def popular_courses(*, limit: int = HOME_LIMIT, key: str | None = None) -> list[dict[str, Any]]:
    """The non-personalized list, the same for everyone, cached."""
    key = key or _popular_key(limit=limit)
    return cache.get_or_set(
        f"recommendations:{key}", lambda: rankers.rank_popular(limit=limit), RANKING_CACHE_SECONDS
    )


def personalized_courses(
    *, answers: dict[str, str], limit: int = HOME_LIMIT, key: str | None = None
) -> list[dict[str, Any]]:
    """The personalized list for one combination of answers, cached per combination.

    The ranking is a pure function of the answers and the catalog, so
    learners with the same answers share an entry (at most 6 x 5 x 5 of them
    plus partial answers) and no entry is tied to a person.
    """
    answers = rankers.relevant_answers(answers)
    key = key or _personalized_key(answers=answers, limit=limit)
    return cache.get_or_set(
        f"recommendations:{key}",
        lambda: rankers.rank_personalized(answers=answers, limit=limit),
        RANKING_CACHE_SECONDS,
    )


def _profiling_notice_version() -> str:
    # The purpose's material version: a dismissal stops counting when the
    # notice changes materially, like a consent does (A6).
    return str(purposes.get_purpose(PROFILING).material_version)


def recommendations_for(*, user) -> Recommendations:
    """Decide which ranker applies, and run it.

    Personalized only when all three hold (REQUIREMENTS C1, C2): profiling
    consent is granted for the current notice, the learner has at least one
    usable answer, and their switch is on. Everyone else, including anonymous
    visitors, gets the one non-personalized list. The answers are read only
    after consent and the switch allow it.
    """
    if not getattr(user, "is_authenticated", False):
        key = _popular_key(limit=HOME_LIMIT)
        return Recommendations(
            personalized=False,
            list_key=key,
            switch_enabled=None,
            consent_granted=False,
            consent_standing="undecided",
            invitation_version="",
            rows=partial(popular_courses, key=key),
        )

    enabled, dismissed_version = personalization_preference(user=user)
    standing = consent_selectors.consent_standing(user=user, purpose=PROFILING)
    granted = standing == "granted"
    answers: dict[str, str] = {}
    if granted and enabled:
        answers = rankers.relevant_answers(onboarding_selectors.learner_profile_answers(user=user))
    personalized = bool(answers)
    if personalized:
        key = _personalized_key(answers=answers, limit=HOME_LIMIT)
        rows = partial(personalized_courses, answers=answers, key=key)
    else:
        key = _popular_key(limit=HOME_LIMIT)
        rows = partial(popular_courses, key=key)

    invitation_version = ""
    # The invitation is for people who have not decided yet for this notice
    # version; a refusal or a withdrawal is remembered and never re-asked
    # (REQUIREMENTS B5), and a dismissal hides it until the notice changes.
    current = _profiling_notice_version()
    if (
        not granted
        and current != dismissed_version
        and consent_selectors.consent_screen_is_due(user=user, purpose=PROFILING)
    ):
        invitation_version = current

    return Recommendations(
        personalized=personalized,
        list_key=key,
        switch_enabled=enabled,
        consent_granted=granted,
        consent_standing=standing,
        invitation_version=invitation_version,
        rows=rows,
    )


# --- Personal data (exported and erased per learner, D1, D4) ---------------


def lesson_progress_of(*, user) -> list[dict[str, Any]]:
    """The lessons a learner marked as done, as JSON-ready data (D1)."""
    rows = (
        LessonProgress.objects.filter(enrollment__user=user)
        .select_related("lesson__course")
        .order_by("lesson__course__slug", "lesson__position")
    )
    return [
        {
            "course": row.lesson.course.slug,
            "lesson": row.lesson.position,
            "title": row.lesson.title_en,
            "done_at": row.completed_at.isoformat(),
        }
        for row in rows
    ]


def personal_data_for_user(*, user) -> dict[str, Any]:
    """Everything this app holds about one learner, as JSON-ready data (D1)."""
    enabled, dismissed_version = personalization_preference(user=user)
    return {
        "lesson_progress": lesson_progress_of(user=user),
        "enrollments": [
            {
                "course": enrollment.course.slug,
                # In the person's language, like every page (D1: a readable copy).
                "title": enrollment.course.title,
                "enrolled_at": enrollment.created_at.isoformat(),
            }
            for enrollment in enrollments_of(user=user)
        ],
        "personalization": {
            "enabled": enabled,
            "invitation_dismissed_for_notice_version": dismissed_version or None,
        },
    }
