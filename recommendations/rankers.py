"""The two rankers, as pure functions of (answers, catalog).

Both rank the whole catalog inside the database (annotations, ORDER BY,
LIMIT) and return only the top rows as plain dicts, never loading the catalog
into Python. Plain dicts can be cached as they are (recommendations.selectors
does so) and hold both languages, so one cached list serves every language.

Which ranker applies to a request is decided in one place only:
recommendations.selectors.recommendations_for.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from onboarding.choices import EnglishLevel, LearningGoal, Occupation
from recommendations.models import CefrLevel, Course

POPULARITY_WINDOW = timedelta(days=30)

# How much each kind of match is worth. The goal says what the learner wants
# to learn, the level whether they can follow it, the occupation only who the
# course was written for. Published on the "How recommendations work" page
# (ALG 16): change both together.
GOAL_WEIGHT = 4
LEVEL_WEIGHT = 2
OCCUPATION_WEIGHT = 1

# The only answers a ranker reads (keys of onboarding.selectors.learner_profile_answers),
# with the codes each may hold.
ANSWER_CHOICES = {
    "english_level": EnglishLevel,
    "learning_goal": LearningGoal,
    "occupation": Occupation,
}

# Which answers ask for a specialised course (recommendations.models.Specialisation):
# preparing for an exam asks for the exam courses, teaching for the teachers'
# course. No answer names an industry, so industry courses never outrank
# general ones on the same footing.
EXAM_SPECIALISATIONS = frozenset({"ielts", "toefl", "cet", "gaokao"})
SPECIALISATIONS_ASKED_BY = {
    ("learning_goal", "exam_preparation"): EXAM_SPECIALISATIONS,
    ("occupation", "teacher"): frozenset({"teaching"}),
}


def specialisations_asked_for(answers: dict[str, str]) -> frozenset[str]:
    """The specialisations the learner's answers point at."""
    asked: set[str] = set()
    for (key, code), specialisations in SPECIALISATIONS_ASKED_BY.items():
        if answers.get(key) == code:
            asked |= specialisations
    return frozenset(asked)


_ROW_FIELDS = (
    "id",
    "slug",
    "title_en",
    "title_zh_hans",
    "summary_en",
    "summary_zh_hans",
    "level_min",
    "level_max",
    "featured",
)


def level_number(code: str | None) -> int | None:
    """ "B1" -> 3; "not_sure", unknown or missing -> None (no level match is scored)."""
    if not code:
        return None
    try:
        return CefrLevel[code].value
    except KeyError:
        return None


def relevant_answers(answers: dict[str, str]) -> dict[str, str]:
    """The answers that can match a course, so equal inputs share one cache entry.

    Unknown codes and "Not sure" (which matches no level) are dropped: a
    learner whose only answer is "Not sure" gets the non-personalized list
    rather than a "Personalized" label on a list nothing was matched for.
    """
    usable = {
        key: answers[key] for key, choices in ANSWER_CHOICES.items() if answers.get(key) in choices.values
    }
    if level_number(usable.get("english_level")) is None:
        usable.pop("english_level", None)
    return usable


def _with_popularity(queryset: QuerySet[Course], *, now) -> QuerySet[Course]:
    return queryset.annotate(
        popularity=Count("enrollments", filter=Q(enrollments__created_at__gte=now - POPULARITY_WINDOW))
    )


def _wrapped(code: str) -> str:
    return f",{code},"


def rank_popular(*, limit: int, now=None) -> list[dict[str, Any]]:
    """Non-personalized: the same list for everyone (REQUIREMENTS C1).

    Editorial picks first, then popularity (enrollments in the last 30 days),
    then the newest; the id makes the order total, so it never flickers.
    """
    now = now or timezone.now()
    rows = (
        _with_popularity(Course.objects.filter(published=True), now=now)
        .order_by("-featured", "-popularity", "-created_at", "-id")
        .values(*_ROW_FIELDS, "popularity")[:limit]
    )
    return [{**row, "reasons": []} for row in rows]


def rank_personalized(*, answers: dict[str, str], limit: int, now=None) -> list[dict[str, Any]]:
    """Personalized: score = weighted matches of level, goal and occupation.

    Ties are broken by popularity, then the newest. Each row carries its
    reasons as (kind, answer code) pairs, the input of the "Why this course?"
    disclosure (ALG 16, REQUIREMENTS C3). Courses that match nothing still
    follow, by popularity, so a learner never sees an empty section.
    """
    now = now or timezone.now()
    answers = relevant_answers(answers)
    level = level_number(answers.get("english_level"))
    goal = answers.get("learning_goal")
    occupation = answers.get("occupation")

    def flag(condition: Q | None) -> Case | Value:
        if condition is None:
            return Value(0, output_field=IntegerField())
        return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())

    queryset = _with_popularity(Course.objects.filter(published=True), now=now).annotate(
        level_match=flag(Q(level_min__lte=level, level_max__gte=level) if level else None),
        goal_match=flag(Q(goals__contains=_wrapped(goal)) if goal else None),
        occupation_match=flag(Q(audiences__contains=_wrapped(occupation)) if occupation else None),
    )
    queryset = queryset.annotate(
        score=F("goal_match") * GOAL_WEIGHT
        + F("level_match") * LEVEL_WEIGHT
        + F("occupation_match") * OCCUPATION_WEIGHT
    ).order_by("-score", "-popularity", "-created_at", "-id")
    rows = queryset.values(
        *_ROW_FIELDS, "popularity", "score", "level_match", "goal_match", "occupation_match"
    )[:limit]

    ranked = []
    for row in rows:
        reasons = []
        if row.pop("goal_match"):
            reasons.append(("learning_goal", goal))
        if row.pop("level_match"):
            reasons.append(("english_level", answers["english_level"]))
        if row.pop("occupation_match"):
            reasons.append(("occupation", occupation))
        ranked.append({**row, "reasons": reasons})
    return ranked
