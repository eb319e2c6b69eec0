from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import CourseFactory, EnrollmentFactory, LearnerProfileFactory, UserFactory

# The answers of the learner the fixed catalog is written for.
ANSWERS = {"english_level": "B1", "learning_goal": "exam_preparation", "occupation": "university_student"}


@pytest.fixture
def fixed_catalog(db):
    """Seven courses whose personalized and popular orders differ on purpose.

    For ANSWERS (B1) the courses' target levels default to the bottom of
    their ranges: all_three, level_and_occupation and level_only are within
    one step; the rest are two steps away. Within one step: all_three
    (goal, occupation), level_and_occupation (occupation), level_only.
    Two steps away: goal_popular (goal, 2 recent enrollments), goal_only
    (goal), popular (3 recent enrollments), featured. The five enrollments
    of goal_only are older than 30 days and count nothing. The unpublished
    course would come first but must never appear.
    """
    now = timezone.now()

    def course(slug, *, days_old, **fields):
        return CourseFactory(slug=slug, created_at=now - timedelta(days=days_old), **fields)

    courses = {
        "all_three": course(
            "all-three",
            days_old=9,
            level_min=3,
            level_max=4,
            goals=",exam_preparation,",
            audiences=",university_student,",
        ),
        "goal_popular": course(
            "goal-popular",
            days_old=8,
            level_min=5,
            level_max=6,
            goals=",academic,exam_preparation,",
            audiences=",working_professional,",
        ),
        "goal_only": course(
            "goal-only",
            days_old=1,
            level_min=5,
            level_max=6,
            goals=",exam_preparation,",
            audiences=",working_professional,",
        ),
        "level_and_occupation": course(
            "level-and-occupation",
            days_old=7,
            level_min=3,
            level_max=3,
            goals=",business,",
            audiences=",university_student,teacher,",
        ),
        "level_only": course(
            "level-only",
            days_old=6,
            level_min=2,
            level_max=3,
            goals=",travel,",
            audiences=",working_professional,",
        ),
        "popular": course(
            "popular",
            days_old=5,
            level_min=1,
            level_max=1,
            goals=",conversation,",
            audiences=",other,",
        ),
        "featured": course(
            "featured",
            days_old=4,
            level_min=1,
            level_max=1,
            goals=",travel,",
            audiences=",other,",
            featured=True,
        ),
        "unpublished": course(
            "unpublished",
            days_old=2,
            level_min=3,
            level_max=4,
            goals=",exam_preparation,",
            audiences=",university_student,",
            published=False,
        ),
    }
    for _ in range(3):
        EnrollmentFactory(course=courses["popular"])
    for _ in range(2):
        EnrollmentFactory(course=courses["goal_popular"])
    for _ in range(5):
        EnrollmentFactory(course=courses["goal_only"], created_at=now - timedelta(days=31))
    return courses


PERSONALIZED_ORDER = [
    "all-three",
    "level-and-occupation",
    "level-only",
    "goal-popular",
    "goal-only",
    "popular",
    "featured",
]
POPULAR_ORDER = [
    "featured",
    "popular",
    "goal-popular",
    "goal-only",
    "level-only",
    "level-and-occupation",
    "all-three",
]


@pytest.fixture
def published_notices(db):
    from consent import services as consent_services

    consent_services.notices_publish_all()


@pytest.fixture
def make_learner(db, published_notices):
    """A signed-up learner who acknowledged the policy, with optional consent and answers."""
    from consent import services as consent_services

    def make(*, answers=None, consent=None):
        user = UserFactory()
        # UserFactory sets the unusable password without saving it
        # (skip_postgeneration_save): reload, or force_login's session hash
        # would not match the stored row and the session would be dropped.
        user.refresh_from_db()
        consent_services.policy_acknowledge(user=user, surface="test")
        if consent == "granted":
            consent_services.consent_grant(user=user, purpose="profiling", surface="test")
        elif consent == "declined":
            consent_services.consent_decline(user=user, purpose="profiling", surface="test")
        elif consent == "withdrawn":
            consent_services.consent_grant(user=user, purpose="profiling", surface="test")
            consent_services.consent_withdraw(user=user, purpose="profiling", surface="test")
        if answers is not None:
            LearnerProfileFactory(user=user, **answers)
        return user

    return make
