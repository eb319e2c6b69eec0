"""The rankers are pure functions of (answers, catalog): answers are passed in directly."""

import pytest

from recommendations import rankers
from tests.recommendations.conftest import ANSWERS, PERSONALIZED_ORDER, POPULAR_ORDER

pytestmark = pytest.mark.django_db


def slugs(rows):
    return [row["slug"] for row in rows]


def test_popular_ranks_featured_then_recent_enrollments_then_newest(fixed_catalog):
    assert slugs(rankers.rank_popular(limit=20)) == POPULAR_ORDER


def test_popular_leaves_out_unpublished_courses(fixed_catalog):
    assert "unpublished" not in slugs(rankers.rank_popular(limit=20))


def test_popular_respects_the_limit(fixed_catalog):
    assert slugs(rankers.rank_popular(limit=3)) == POPULAR_ORDER[:3]


def test_personalized_ranks_by_level_fit_goal_occupation_then_popularity(fixed_catalog):
    assert slugs(rankers.rank_personalized(answers=ANSWERS, limit=20)) == PERSONALIZED_ORDER


def test_personalized_gives_each_item_what_it_matched(fixed_catalog):
    reasons = {row["slug"]: row["reasons"] for row in rankers.rank_personalized(answers=ANSWERS, limit=20)}

    assert reasons["all-three"] == [
        ("learning_goal", "exam_preparation"),
        ("level_same", "B1"),
        ("occupation", "university_student"),
    ]
    # Two steps away from B1: the goal matched, the level did not.
    assert reasons["goal-only"] == [("learning_goal", "exam_preparation")]
    assert reasons["level-and-occupation"] == [("level_same", "B1"), ("occupation", "university_student")]
    assert reasons["level-only"] == [("level_below", "A2")]
    assert reasons["popular"] == []


def test_personalized_with_only_a_goal_matches_only_the_goal(fixed_catalog):
    rows = rankers.rank_personalized(answers={"learning_goal": "business"}, limit=20)

    assert rows[0]["slug"] == "level-and-occupation"
    assert rows[0]["reasons"] == [("learning_goal", "business")]
    assert all(row["reasons"] == [] for row in rows[1:])


def test_level_not_sure_and_unknown_codes_are_not_usable_answers():
    assert rankers.relevant_answers({"english_level": "not_sure", "occupation": "astronaut"}) == {}


def test_usable_answers_keep_only_the_three_profile_keys():
    answers = {"learning_goal": "travel", "phone": "+8613800138000"}

    assert rankers.relevant_answers(answers) == {"learning_goal": "travel"}
