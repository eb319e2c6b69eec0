import pytest
from django.core.management import CommandError, call_command

from onboarding.management.commands.setup_demo import Command as SetupDemo
from recommendations.demo_catalog import DEMO_COURSES
from recommendations.models import CefrLevel, Course

pytestmark = pytest.mark.django_db


def test_demo_catalog_loads_twice_without_duplicates():
    call_command("load_demo_catalog")
    first = dict(Course.objects.values_list("slug", "created_at"))

    call_command("load_demo_catalog")

    assert Course.objects.count() == len(DEMO_COURSES)
    # Same rows, same creation times: "newest" does not reshuffle on every run.
    assert dict(Course.objects.values_list("slug", "created_at")) == first


def test_demo_catalog_restores_an_edited_course():
    call_command("load_demo_catalog")
    Course.objects.filter(slug="ielts-foundation").update(title_en="Edited", published=False)

    call_command("load_demo_catalog")

    course = Course.objects.get(slug="ielts-foundation")
    assert (course.title_en, course.published) == ("IELTS Foundation: Understanding the Test", True)


def test_demo_catalog_has_forty_bilingual_courses_covering_every_level_and_goal():
    call_command("load_demo_catalog")
    courses = list(Course.objects.all())

    assert len(courses) >= 40
    assert all(c.title_en and c.title_zh_hans and c.summary_en and c.summary_zh_hans for c in courses)
    covered_levels = {level for c in courses for level in range(c.level_min, c.level_max + 1)}
    assert covered_levels == set(CefrLevel.values)
    covered_goals = {goal for c in courses for goal in c.goal_codes}
    assert covered_goals == {"exam_preparation", "business", "travel", "conversation", "academic"}


def test_synthetic_adds_exactly_n_more_courses_each_run():
    call_command("load_demo_catalog", synthetic=250)
    call_command("load_demo_catalog", synthetic=250)

    assert Course.objects.filter(slug__startswith="synthetic-").count() == 500
    assert Course.objects.count() == len(DEMO_COURSES) + 500


def test_synthetic_rejects_a_negative_count():
    with pytest.raises(CommandError):
        call_command("load_demo_catalog", synthetic=-1)


def test_setup_demo_loads_the_catalog():
    assert "load_demo_catalog" in SetupDemo.demo_steps()
