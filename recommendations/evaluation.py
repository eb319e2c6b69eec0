"""Ranking quality of the personalized ranker over every answer combination.

One piece of code computes the numbers that `manage.py evaluate_recommendations`
(`make eval-recommendations`) prints and the floors that
tests/recommendations/test_evaluation.py holds, so the published table and the
tests can never disagree. The method, in plain words, is in
docs/RECOMMENDATIONS.md.

It reads the published catalog (normally the demo catalog on a fresh database)
and calls the same ranker and the same presentation of reasons as the home page.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, fields

from django.utils import translation

from onboarding.choices import EnglishLevel, LearningGoal, Occupation
from recommendations import rankers, selectors
from recommendations.models import Course

TOP_LEVEL_FIT = 5
TOP_PRECISION = 5
TOP_DIVERSITY = 6
TOP_REASONS = 6
TOP_COVERAGE = selectors.HOME_LIMIT
MAX_PER_SPECIALISATION = 2
GENERAL = "general"

# The floors the tests hold (docs/RECOMMENDATIONS.md): a change that makes the
# ranking worse than this fails the build.
FLOORS = {
    "level_fit": 0.9,
    "goal_precision_at_5": 0.9,
    "reason_variety": 0.8,
    "coverage": 0.6,
}
CEILINGS = {
    "specialised_first_rate": 0.0,
    "lists_over_two_per_specialisation": 0,
}


def answer_combinations() -> list[dict[str, str]]:
    """Every combination of the three answers: 6 levels x 5 goals x 5 occupations = 150.

    "Not sure" is left out: it matches no level, so the ranker treats it as no
    answer (recommendations.rankers.relevant_answers).
    """
    levels = [code for code in EnglishLevel.values if rankers.level_number(code) is not None]
    return [
        {"english_level": level, "learning_goal": goal, "occupation": occupation}
        for level, goal, occupation in itertools.product(levels, LearningGoal.values, Occupation.values)
    ]


@dataclass(frozen=True)
class CourseFacts:
    target: int
    goals: frozenset[str]
    specialisation: str


@dataclass(frozen=True)
class Metrics:
    combinations: int
    catalog_size: int
    # Share of the top 5 whose target level is within one step of the learner's.
    level_fit: float
    # Share of the top 5 for the learner's goal, over the combinations where the
    # catalog has at least five such courses within one step of the level.
    goal_precision_at_5: float
    goal_precision_combinations: int
    # The same share over all combinations, for information (no floor).
    goal_precision_at_5_all: float
    # Of the pairs (specialised course not asked for, general course) with the
    # same goal match and the same level fit (within one step, two steps away,
    # further), the share where the specialised one comes first.
    specialised_first_rate: float
    specialised_first_pairs: int
    # Mean number of distinct specialisations in the top 6 (general counts as one).
    diversity: float
    lists_over_two_per_specialisation: int
    # Share of top-6 lists where at least two cards show different reasons.
    reason_variety: float
    # Share of the published catalog that appears in at least one top 12.
    coverage: float

    def as_rows(self) -> list[tuple[str, str]]:
        return [(field.name, _format(getattr(self, field.name))) for field in fields(self)]


def _format(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _catalog() -> dict[int, CourseFacts]:
    rows = Course.objects.filter(published=True).values_list(
        "id", "target_level", "level_min", "goals", "specialisation"
    )
    return {
        pk: CourseFacts(
            target=target or level_min,
            goals=frozenset(code for code in goals.split(",") if code),
            specialisation=specialisation or GENERAL,
        )
        for pk, target, level_min, goals, specialisation in rows
    }


def _fits(facts: CourseFacts, level: int) -> bool:
    return abs(facts.target - level) <= 1


def _fit_class(facts: CourseFacts, level: int) -> int:
    """Level fit in three classes: within one step, two steps away, further."""
    distance = abs(facts.target - level)
    return 0 if distance <= 1 else 1 if distance == 2 else 2


def _reasons_shown(row: dict) -> tuple[str, ...]:
    with translation.override("en"):
        return selectors.present_course(row, personalized=True).reasons


def evaluate() -> Metrics:
    catalog = _catalog()
    combinations = answer_combinations()
    level_fit_hits = level_fit_total = 0
    precision_hits = precision_total = precision_combinations = 0
    precision_all_hits = precision_all_total = 0
    pairs = pairs_specialised_first = 0
    diversity_sum = over_two = varied = 0
    covered: set[int] = set()

    for answers in combinations:
        level = rankers.level_number(answers["english_level"])
        goal = answers["learning_goal"]
        asked = rankers.specialisations_asked_for(answers)
        # What the home page shows, and the whole catalog in order for the pairs.
        ranked = rankers.rank_personalized(answers=answers, limit=TOP_COVERAGE)
        covered.update(row["id"] for row in ranked)
        facts = [catalog[row["id"]] for row in ranked]
        everything = [
            catalog[row["id"]]
            for row in rankers.rank_personalized(answers=answers, limit=max(len(catalog), 1))
        ]

        level_fit_hits += sum(_fits(f, level) for f in facts[:TOP_LEVEL_FIT])
        level_fit_total += len(facts[:TOP_LEVEL_FIT])

        goal_hits = sum(goal in f.goals for f in facts[:TOP_PRECISION])
        precision_all_hits += goal_hits
        precision_all_total += len(facts[:TOP_PRECISION])
        if sum(goal in f.goals and _fits(f, level) for f in catalog.values()) >= TOP_PRECISION:
            precision_combinations += 1
            precision_hits += goal_hits
            precision_total += len(facts[:TOP_PRECISION])

        for first, second in itertools.combinations(everything, 2):
            for specialised, general, specialised_first in ((first, second, True), (second, first, False)):
                if (
                    specialised.specialisation != GENERAL
                    and specialised.specialisation not in asked
                    and general.specialisation == GENERAL
                    and (goal in specialised.goals) == (goal in general.goals)
                    and _fit_class(specialised, level) == _fit_class(general, level)
                ):
                    pairs += 1
                    pairs_specialised_first += specialised_first

        kinds = Counter(f.specialisation for f in facts[:TOP_DIVERSITY])
        diversity_sum += len(kinds)
        over_two += any(count > MAX_PER_SPECIALISATION for kind, count in kinds.items() if kind != GENERAL)
        varied += len({_reasons_shown(row) for row in ranked[:TOP_REASONS]}) >= 2

    count = len(combinations)
    return Metrics(
        combinations=count,
        catalog_size=len(catalog),
        level_fit=level_fit_hits / level_fit_total if level_fit_total else 0.0,
        goal_precision_at_5=precision_hits / precision_total if precision_total else 0.0,
        goal_precision_combinations=precision_combinations,
        goal_precision_at_5_all=precision_all_hits / precision_all_total if precision_all_total else 0.0,
        specialised_first_rate=pairs_specialised_first / pairs if pairs else 0.0,
        specialised_first_pairs=pairs,
        diversity=diversity_sum / count,
        lists_over_two_per_specialisation=over_two,
        reason_variety=varied / count,
        coverage=len(covered) / len(catalog) if catalog else 0.0,
    )


def shortfalls(metrics: Metrics) -> list[str]:
    """The floors and ceilings the metrics miss, in words; empty when all hold."""
    missed = [
        f"{name} {getattr(metrics, name):.3f} < {floor}"
        for name, floor in FLOORS.items()
        if getattr(metrics, name) < floor
    ]
    missed += [
        f"{name} {getattr(metrics, name)} > {ceiling}"
        for name, ceiling in CEILINGS.items()
        if getattr(metrics, name) > ceiling
    ]
    return missed
