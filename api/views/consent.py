"""The separate consent step (REQUIREMENTS B1-B3, B5, A6), as the web's consent screen."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from api import presenters
from api import serializers as s
from api.errors import AcknowledgmentRequired, NotFound, NoticeUnavailable, StaleNotice
from api.views.base import SIGNED_IN_ERRORS, WRITE_ERRORS, ApiView, problem
from consent import purposes
from consent import selectors as consent_selectors
from consent import services as consent_services
from consent.forms import ConsentScreenForm

SURFACE = "app"

PURPOSE_PARAMETER = OpenApiParameter(
    "purpose", str, OpenApiParameter.PATH, description="A purpose offered after signup: `profiling`."
)


def _onboarding_purpose(code: str) -> purposes.Purpose:
    purpose_obj = purposes.PURPOSES.get(code)
    # B1, B6: only purposes offered after signup have a consent step; product
    # news is asked for in the privacy centre only.
    if purpose_obj is None or not purpose_obj.needs_consent or not purpose_obj.asked_at_first_run:
        raise NotFound(detail=_("There is no consent to give for this purpose."))
    return purpose_obj


def _current_notice(purpose: str):
    notice = consent_selectors.purpose_notice_current(purpose=purpose)
    if notice is None:
        raise NoticeUnavailable()
    return notice


def stale(purpose: str) -> StaleNotice:
    current = consent_selectors.purpose_notice_current(purpose=purpose)
    return StaleNotice(current_notice=presenters.notice(current) if current else None)


class ConsentStepView(ApiView):
    @extend_schema(
        operation_id="consent_step",
        summary="The consent step: the purpose, its notice and two equal choices",
        description=(
            "How to render it (REQUIREMENTS B3; the court's case turned on this):\n\n"
            "- a screen of its own after signup, never inside the policy acknowledgment (B1);\n"
            "- the notice text, then the two `choices` as two buttons of the same size, style "
            "and colour weight, both visible without scrolling (`equal_weight`, `rendering`);\n"
            "- nothing preselected or focused (`preselected` is always null);\n"
            "- closing the screen, going back or scrolling records nothing: only a tap on one "
            "of the two choices is sent;\n"
            "- ask once per notice version (`due`); Skip leads to the full product."
        ),
        parameters=[PURPOSE_PARAMETER],
        responses={200: s.ConsentStepSerializer, 404: problem("not_found"), **SIGNED_IN_ERRORS},
        tags=["consent"],
    )
    def get(self, request, purpose: str):
        purpose_obj = _onboarding_purpose(purpose)
        notice = _current_notice(purpose)
        user = request.user
        labels = dict(ConsentScreenForm.base_fields["choice"].choices)
        return Response(
            {
                "purpose": presenters.purpose(purpose_obj),
                "notice": presenters.notice(notice),
                "choices": [
                    {"value": ConsentScreenForm.AGREE, "label": str(labels[ConsentScreenForm.AGREE])},
                    {"value": ConsentScreenForm.SKIP, "label": str(labels[ConsentScreenForm.SKIP])},
                ],
                "equal_weight": True,
                "preselected": None,
                "rendering": {
                    "same_size": True,
                    "both_visible_without_scrolling": True,
                    "nothing_preselected": True,
                    "dismissing_is_not_consent": True,
                },
                "due": consent_selectors.consent_screen_is_due(user=user, purpose=purpose),
                "what_changed": str(purpose_obj.what_changed)
                if consent_selectors.consent_decided_on_earlier_version(user=user, purpose=purpose)
                else "",
                "skip_withdraws": consent_selectors.consent_current_decision(user=user, purpose=purpose)
                == "granted",
            }
        )

    @extend_schema(
        operation_id="consent_decide",
        summary="Agree or Skip, on the notice version shown",
        description=(
            "Records `granted` (agree) or `declined` (skip; `withdrawn` if a grant was still on "
            "record) in the ledger with surface `app` and the exact notice version sent."
        ),
        parameters=[PURPOSE_PARAMETER],
        request=s.ConsentDecisionInputSerializer,
        responses={
            201: s.DecisionResultSerializer,
            404: problem("not_found"),
            409: problem(
                "stale_notice: the current notice is in current_notice", s.StaleNoticeProblemSerializer
            ),
            **WRITE_ERRORS,
        },
        tags=["consent"],
    )
    def post(self, request, purpose: str):
        _onboarding_purpose(purpose)
        data = presenters.validated(s.ConsentDecisionInputSerializer, request)
        shown = consent_selectors.notice_version_get(pk=data["notice_version"])
        if not consent_selectors.notice_version_is_current_for_purpose(notice_version=shown, purpose=purpose):
            raise stale(purpose)
        agreed = data["choice"] == ConsentScreenForm.AGREE
        try:
            record = consent_services.consent_screen_answer(
                user=request.user,
                purpose=purpose,
                agreed=agreed,
                notice_version=shown,
                request=request._request,
                surface=SURFACE,
            )
        except consent_services.PolicyNotAcknowledgedError:
            raise AcknowledgmentRequired(acknowledge_url="/api/v1/acknowledgment") from None
        except consent_services.StaleNoticeError:
            raise stale(purpose) from None
        # The web's next step after a grant (settings.CONSENT_AFTER_AGREE_URLS).
        after_agree = purpose in getattr(settings, "CONSENT_AFTER_AGREE_URLS", {})
        after = "profile_questions" if agreed and after_agree else "recommendations"
        return Response({"record": presenters.record(record), "next": after}, status=201)
