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
from django.db.models.functions import Abs, Coalesce
from django.utils import timezone

from onboarding.choices import EnglishLevel, LearningGoal, Occupation
from recommendations.models import CefrLevel, Course

POPULARITY_WINDOW = timedelta(days=30)

# The personalized order, factor by factor, each published in one sentence on
# the "How recommendations work" page (ALG 16): change both together.
# 1. Level fit: a course whose target level is within LEVEL_FIT_STEPS of the
#    learner's level comes first, then one two steps away, then the rest.
# 2. Goal: within that, courses for the learner's goal.
# 3. General before specialised: a course for one industry or exam comes after
#    general ones unless the answers ask for it (SPECIALISATIONS_ASKED_BY).
# 4. Occupation: courses written for the learner's occupation.
# 5. Closeness: the target level at the learner's level before one step away.
# 6. Popularity, then the newest, as in the popular list.
# Then diversity: at most MAX_PER_SPECIALISATION courses of one specialisation
# in the first DIVERSE_SLOTS.
LEVEL_FIT_STEPS = 1
DIVERSE_SLOTS = 6
MAX_PER_SPECIALISATION = 2
# Rows read to fill the diverse slots: the top of the order, never the catalog.
CANDIDATES_PER_SLOT = 3

# The only answers a ranker reads (keys of onboarding.selectors.learner_profile_answers),
# with the codes each may hold. Nothing else about a person is read (C5):
# not enrollments, not lesson progress.
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
    """Personalized: the order of the factors above, then diversity in the first six.

    Each row carries its reasons as (kind, code) pairs, the input of the "Why
    this course?" disclosure (ALG 16, REQUIREMENTS C3): what matched for that
    course, so cards that matched differently read differently. Courses that
    match nothing still follow, so a learner never sees an empty section.
    One query, over the top of the order only.
    """
    now = now or timezone.now()
    answers = relevant_answers(answers)
    level = level_number(answers.get("english_level"))
    goal = answers.get("learning_goal")
    occupation = answers.get("occupation")
    asked = specialisations_asked_for(answers)

    def flag(condition: Q | None) -> Case | Value:
        if condition is None:
            return Value(0, output_field=IntegerField())
        return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())

    zero = Value(0, output_field=IntegerField())
    queryset = _with_popularity(Course.objects.filter(published=True), now=now).annotate(
        target=Coalesce("target_level", "level_min"),
    )
    queryset = queryset.annotate(
        level_distance=Abs(F("target") - level) if level else zero,
        goal_match=flag(Q(goals__contains=_wrapped(goal)) if goal else None),
        occupation_match=flag(Q(audiences__contains=_wrapped(occupation)) if occupation else None),
        unasked_specialised=flag(
            ~Q(specialisation="") & ~Q(specialisation__in=sorted(asked)) if asked else ~Q(specialisation="")
        ),
    ).annotate(
        level_band=Case(
            When(level_distance__lte=LEVEL_FIT_STEPS, then=Value(2)),
            When(level_distance=LEVEL_FIT_STEPS + 1, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        if level
        else zero,
    )
    queryset = queryset.order_by(
        "-level_band",
        "-goal_match",
        "unasked_specialised",
        "-occupation_match",
        "level_distance",
        "-popularity",
        "-created_at",
        "-id",
    )
    candidates = max(limit, DIVERSE_SLOTS * CANDIDATES_PER_SLOT)
    rows = list(
        queryset.values(
            *_ROW_FIELDS,
            "focus_en",
            "focus_zh_hans",
            "specialisation",
            "target",
            "popularity",
            "level_band",
            "level_distance",
            "goal_match",
            "occupation_match",
        )[:candidates]
    )

    ranked = []
    for row in diversify(rows)[:limit]:
        reasons = []
        if row.pop("goal_match"):
            reasons.append(("learning_goal", goal))
            if row["specialisation"] in asked & EXAM_SPECIALISATIONS:
                reasons.append(("exam", row["specialisation"]))
        distance = row.pop("level_distance")
        if level and distance <= LEVEL_FIT_STEPS:
            step = (
                "level_same" if distance == 0 else "level_above" if row["target"] > level else "level_below"
            )
            reasons.append((step, CefrLevel(row["target"]).label))
        if row.pop("occupation_match"):
            reasons.append(("occupation", occupation))
        row.pop("level_band")
        ranked.append({**row, "reasons": reasons})
    return ranked


def diversify(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """At most MAX_PER_SPECIALISATION of one specialisation in the first DIVERSE_SLOTS.

    A course that would break the rule moves down to just after the diverse
    slots, keeping its order among the others; general courses are never held
    back. When the candidates lack variety, the slots are filled in order.
    """
    chosen: list[int] = []
    counts: dict[str, int] = {}
    for index, row in enumerate(rows):
        if len(chosen) == DIVERSE_SLOTS:
            break
        kind = row["specialisation"]
        if kind and counts.get(kind, 0) >= MAX_PER_SPECIALISATION:
            continue
        counts[kind] = counts.get(kind, 0) + 1
        chosen.append(index)
    for index in range(len(rows)):
        if len(chosen) >= DIVERSE_SLOTS:
            break
        if index not in chosen:
            chosen.append(index)
    taken = set(chosen)
    return [rows[index] for index in chosen] + [row for index, row in enumerate(rows) if index not in taken]
