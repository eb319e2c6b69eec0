"""What the recommendations app holds about a person, for the copy of my data and erasure (D1, D4).

Discovered by the consent app at startup (consent.registry). The catalog
itself (Course, Lesson) is not personal data; enrollments, lesson progress and
the personalization switch are.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from consent.registry import PersonalDataCategory, register
from recommendations import selectors, services
from recommendations.models import Enrollment, LessonProgress, PersonalizationPreference


def enrollments_export(user) -> list[dict]:
    return selectors.personal_data_for_user(user=user)["enrollments"]


def lesson_progress_export(user) -> list[dict]:
    return selectors.lesson_progress_of(user=user)


def personalization_export(user) -> dict:
    return selectors.personal_data_for_user(user=user)["personalization"]


# personal_data_erase removes both enrollments and the preference in one call;
# both categories name it, and running it twice is harmless (idempotent).
register(
    PersonalDataCategory(
        key="enrollments",
        label=_("Your courses"),
        description=_("The courses you joined, listed under My courses."),
        models=(Enrollment,),
        export=enrollments_export,
        erase=lambda user: services.personal_data_erase(user=user),
        field_labels={"course": _("Course (code)"), "title": _("Course"), "enrolled_at": _("Joined")},
        on_erasure=_("Erased."),
        order=200,
        retention=_("While you have an account."),
    )
)

# Lesson progress is on the contract basis (PIPL 13(1)2): necessary for the
# course the learner chose, so it needs no consent, and for the same reason it
# is never an input of the recommendations (C5).
register(
    PersonalDataCategory(
        key="lesson_progress",
        label=_("Your lesson progress"),
        description=_(
            "The lessons you marked as done, so that My courses can show where you stopped. Needed for the "
            "courses you chose; never used for recommendations."
        ),
        models=(LessonProgress,),
        export=lesson_progress_export,
        erase=lambda user: services.personal_data_erase(user=user),
        field_labels={
            "course": _("Course (code)"),
            "lesson": _("Lesson number"),
            "title": _("Lesson"),
            "done_at": _("Marked as done"),
        },
        on_erasure=_("Erased."),
        order=205,
        retention=_("While you are enrolled in the course; erased when you leave it or cancel your account."),
    )
)

register(
    PersonalDataCategory(
        key="personalization",
        label=_("Your recommendation settings"),
        description=_(
            "Whether personalized recommendations are switched on, and whether you dismissed the invitation "
            "to personalize."
        ),
        models=(PersonalizationPreference,),
        export=personalization_export,
        erase=lambda user: services.personal_data_erase(user=user),
        field_labels={
            "enabled": _("Personalized recommendations switched on"),
            "invitation_dismissed_for_notice_version": _("Invitation dismissed for notice version"),
        },
        on_erasure=_("Erased."),
        order=210,
        retention=_("While you have an account."),
    )
)
