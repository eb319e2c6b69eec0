"""The personalized ranker on the demo catalog: level fit, general before specialised,
diversity and per-card reasons, held over all 150 answer combinations."""

import pytest
from django.core.management import call_command
from django.utils import translation

from recommendations import evaluation, rankers, selectors
from recommendations.models import Course
from tests.factories import CourseFactory

pytestmark = pytest.mark.django_db

BUSINESS_PROFESSIONAL_B1 = {
    "english_level": "B1",
    "learning_goal": "business",
    "occupation": "working_professional",
}


@pytest.fixture
def demo_catalog(db):
    call_command("load_demo_catalog", verbosity=0)


@pytest.fixture
def metrics(demo_catalog):
    return evaluation.evaluate()


def cards(answers):
    rows = rankers.rank_personalized(answers=answers, limit=selectors.HOME_LIMIT)
    with translation.override("en"):
        return [(row, selectors.present_course(row, personalized=True)) for row in rows]


# --- The floors, over all 150 answer combinations ------------------------------------


def test_the_evaluation_covers_all_150_answer_combinations(metrics):
    assert metrics.combinations == 150
    assert len({tuple(sorted(a.items())) for a in evaluation.answer_combinations()}) == 150


def test_level_fit_is_at_least_0_9(metrics):
    assert metrics.level_fit >= 0.9


def test_goal_precision_at_5_is_at_least_0_9_where_five_courses_match(metrics):
    assert metrics.goal_precision_combinations > 0
    assert metrics.goal_precision_at_5 >= 0.9


def test_no_specialised_course_outranks_a_general_one_on_the_same_footing(metrics):
    assert metrics.specialised_first_pairs > 0
    assert metrics.specialised_first_rate == 0


def test_no_top_six_holds_more_than_two_of_one_specialisation(metrics):
    assert metrics.lists_over_two_per_specialisation == 0


def test_reason_variety_is_at_least_0_8(metrics):
    assert metrics.reason_variety >= 0.8


def test_coverage_is_at_least_0_6(metrics):
    assert metrics.coverage >= 0.6


def test_the_floors_are_the_ones_published(metrics):
    assert evaluation.shortfalls(metrics) == []
    assert evaluation.FLOORS == {
        "level_fit": 0.9,
        "goal_precision_at_5": 0.9,
        "reason_variety": 0.8,
        "coverage": 0.6,
    }


# --- The business-communication professional at B1 --------------------------------------


def test_business_professional_at_b1_sees_general_business_courses_before_industry_ones(demo_catalog):
    shown = [row for row, _card in cards(BUSINESS_PROFESSIONAL_B1)]
    general_business = [
        row["slug"]
        for row in shown
        if not row["specialisation"] and ("learning_goal", "business") in row["reasons"]
    ]
    industry = [row["slug"] for row in shown if row["specialisation"] in {"healthcare", "hospitality", "it"}]
    slugs = [row["slug"] for row in shown]

    assert len(general_business) >= 5
    assert industry, "the industry courses still follow"
    assert max(slugs.index(slug) for slug in general_business) < min(slugs.index(slug) for slug in industry)
    assert slugs[0] != "english-for-healthcare-workers"


def test_cards_that_matched_differently_show_different_reasons(demo_catalog):
    shown = cards(BUSINESS_PROFESSIONAL_B1)
    at_level = next(card for row, card in shown if ("level_same", "B1") in row["reasons"])
    step_up = next(card for row, card in shown if ("level_above", "B2") in row["reasons"])
    no_goal = next(
        card for row, card in shown if not any(kind == "learning_goal" for kind, _ in row["reasons"])
    )

    assert "At your level: B1" in at_level.reasons
    assert "One step above your level: B2" in step_up.reasons
    assert "At your level: B1" not in step_up.reasons
    assert not any(reason.startswith("For your goal") for reason in no_goal.reasons)
    assert "Written for working professionals" in at_level.reasons
    assert len({card.reasons for _row, card in shown[:6]}) == 6


def test_the_goal_reason_names_what_the_course_offers_for_it(demo_catalog):
    card = next(
        card
        for row, card in cards(BUSINESS_PROFESSIONAL_B1)
        if row["slug"] == "business-english-basics-emails-and-calls"
    )

    assert "For your goal, Business communication: business emails and phone calls" in card.reasons


def test_reasons_are_translated(demo_catalog):
    row = next(
        row for row, _card in cards(BUSINESS_PROFESSIONAL_B1) if ("level_same", "B1") in row["reasons"]
    )

    with translation.override("zh-hans"):
        reasons = selectors.present_course(row, personalized=True).reasons

    assert any("您的水平" in reason for reason in reasons)
    assert not any("your" in reason for reason in reasons)


# --- Each factor on a small catalog -------------------------------------------------------


def test_level_fit_uses_the_distance_from_the_target_level_not_the_range():
    wide = CourseFactory(slug="wide-c2", level_min=4, level_max=6, target_level=6, goals=",business,")
    fitting = CourseFactory(slug="fits-b2", level_min=4, level_max=5, target_level=4, goals=",business,")

    rows = rankers.rank_personalized(answers={"english_level": "B2", "learning_goal": "business"}, limit=5)

    assert [row["slug"] for row in rows] == [fitting.slug, wide.slug]


def test_an_exam_goal_asks_for_exam_courses_so_they_are_not_held_back():
    CourseFactory(
        slug="general-exam", level_min=3, level_max=3, goals=",exam_preparation,", audiences=",other,"
    )
    CourseFactory(
        slug="ielts-prep",
        level_min=3,
        level_max=3,
        goals=",exam_preparation,",
        audiences=",university_student,",
        specialisation="ielts",
    )

    rows = rankers.rank_personalized(
        answers={
            "english_level": "B1",
            "learning_goal": "exam_preparation",
            "occupation": "university_student",
        },
        limit=5,
    )

    assert rows[0]["slug"] == "ielts-prep"
    assert ("exam", "ielts") in rows[0]["reasons"]


def test_an_industry_course_comes_after_a_general_one_even_when_written_for_the_occupation():
    CourseFactory(slug="general", level_min=3, level_max=3, goals=",business,", audiences=",other,")
    CourseFactory(
        slug="healthcare",
        level_min=3,
        level_max=3,
        goals=",business,",
        audiences=",working_professional,",
        specialisation="healthcare",
    )

    rows = rankers.rank_personalized(answers=BUSINESS_PROFESSIONAL_B1, limit=5)

    assert [row["slug"] for row in rows] == ["general", "healthcare"]


def test_at_most_two_of_one_specialisation_in_the_first_six():
    for number in range(5):
        CourseFactory(
            slug=f"ielts-{number}",
            level_min=3,
            level_max=3,
            goals=",exam_preparation,",
            specialisation="ielts",
        )
    for number in range(5):
        CourseFactory(slug=f"general-{number}", level_min=3, level_max=3, goals=",conversation,")

    rows = rankers.rank_personalized(
        answers={"english_level": "B1", "learning_goal": "exam_preparation"}, limit=10
    )

    first_six = [row["specialisation"] for row in rows[:6]]
    assert first_six.count("ielts") == 2
    # The held-back ones come right after the diverse slots.
    assert [row["specialisation"] for row in rows[6:9]] == ["ielts"] * 3


def test_the_slots_are_filled_when_nothing_else_exists():
    for number in range(4):
        CourseFactory(slug=f"it-{number}", level_min=3, level_max=3, specialisation="it")

    rows = rankers.rank_personalized(answers={"english_level": "B1"}, limit=12)

    assert len(rows) == 4


# --- The command ----------------------------------------------------------------------------


def test_eval_command_prints_every_metric_for_150_combinations(demo_catalog, capsys):
    call_command("evaluate_recommendations", check=True)

    out = capsys.readouterr().out
    assert "| combinations" in out
    assert "150" in out
    for name in (
        "level_fit",
        "goal_precision_at_5",
        "specialised_first_rate",
        "diversity",
        "reason_variety",
        "coverage",
    ):
        assert f"| {name}" in out


def test_eval_command_refuses_an_empty_catalog(db):
    from django.core.management import CommandError

    assert not Course.objects.exists()
    with pytest.raises(CommandError):
        call_command("evaluate_recommendations")
