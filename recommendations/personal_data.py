"""What the recommendations app holds about a person, for the copy of my data and erasure (D1, D4).

Discovered by the consent app at startup (consent.registry). The catalog
itself (Course) is not personal data; enrollments and the personalization
switch are.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from consent.registry import PersonalDataCategory, register
from recommendations import selectors, services
from recommendations.models import Enrollment, PersonalizationPreference


def enrollments_export(user) -> list[dict]:
    return selectors.personal_data_for_user(user=user)["enrollments"]


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
