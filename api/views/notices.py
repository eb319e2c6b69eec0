"""Notices and the privacy-policy acknowledgment (REQUIREMENTS A2-A4, A6)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from api import presenters
from api import serializers as s
from api.errors import NotFound, StaleNotice
from api.views.base import SIGNED_IN_ERRORS, WRITE_ERRORS, ApiView, problem
from consent import purposes
from consent import selectors as consent_selectors
from consent import services as consent_services

SURFACE = "app"


def _current_policy():
    policy = consent_selectors.privacy_policy_current()
    if policy is None:
        raise NotFound(detail="The privacy policy has not been published yet.")
    return policy


def _stale_policy() -> StaleNotice:
    current = consent_selectors.privacy_policy_current()
    return StaleNotice(current_notice=presenters.notice(current) if current else None)


class NoticesView(ApiView):
    """Public: readable before signup, in the language of Accept-Language (A3, A4)."""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        operation_id="notices",
        summary="The current privacy policy and every consent notice",
        responses={200: s.NoticesSerializer, 404: problem("not_found: nothing published yet")},
        tags=["notices"],
    )
    def get(self, request):
        policy = _current_policy()
        purpose_notices = [
            {
                "purpose": presenters.purpose(purposes.get_purpose(notice.purpose)),
                "notice": presenters.notice(notice),
            }
            for notice in consent_selectors.purpose_notices_current()
        ]
        return Response({"privacy_policy": presenters.notice(policy), "purposes": purpose_notices})


class PrivacyPolicyView(ApiView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        operation_id="privacy_policy",
        summary="The current privacy policy: show it, and send its id back at signup",
        responses={200: s.NoticeSerializer, 404: problem("not_found: nothing published yet")},
        tags=["notices"],
    )
    def get(self, request):
        return Response(presenters.notice(_current_policy()))


class AcknowledgmentView(ApiView):
    """The first-run gate's own endpoint: the one a gated account can use (A2, A6)."""

    policy_gate_exempt = True

    @extend_schema(
        operation_id="acknowledgment_state",
        summary="Whether the current privacy policy still needs acknowledging",
        responses={200: s.AcknowledgmentStateSerializer, **SIGNED_IN_ERRORS},
        tags=["notices"],
    )
    def get(self, request):
        required = not consent_selectors.policy_acknowledgment_is_current(user=request.user)
        return Response({"required": required, "policy": presenters.notice(_current_policy())})

    @extend_schema(
        operation_id="acknowledge",
        summary="Acknowledge the privacy policy version shown",
        description=(
            "Records an `acknowledged` decision on the exact version shown, surface `app`. "
            "This is not consent to anything (B1): the consent step follows, once."
        ),
        request=s.AcknowledgmentInputSerializer,
        responses={
            201: s.NextStepSerializer,
            409: problem(
                "stale_notice: a newer policy is current; it is in current_notice",
                s.StaleNoticeProblemSerializer,
            ),
            **WRITE_ERRORS,
        },
        tags=["notices"],
    )
    def post(self, request):
        data = presenters.validated(s.AcknowledgmentInputSerializer, request)
        shown = consent_selectors.notice_version_get(pk=data["policy_version"])
        # The web form's rule: only the version shown, and only if still current.
        if not consent_selectors.notice_version_is_current_policy(notice_version=shown):
            raise _stale_policy()
        try:
            consent_services.policy_acknowledge(
                user=request.user, request=request._request, surface=SURFACE, notice_version=shown
            )
        except consent_services.StaleNoticeError:
            raise _stale_policy() from None
        return Response(presenters.next_step(user=request.user), status=201)


class NextStepView(ApiView):
    policy_gate_exempt = True

    @extend_schema(
        operation_id="next_step",
        summary="What to show after sign-in: acknowledgment, the consent step, or the product",
        responses={200: s.NextStepSerializer, **SIGNED_IN_ERRORS},
        tags=["notices"],
    )
    def get(self, request):
        return Response(presenters.next_step(user=request.user))
