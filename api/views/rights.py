"""The privacy centre for apps: decisions, history, receipts, the copy, cancellation.

REQUIREMENTS B6, B7, D1, D3-D5, E2. Like the web's /privacy-centre/, these
endpoints stay open before a new policy is acknowledged: exercising a right
never waits for accepting a policy (PIPL 15, 47).
"""

from __future__ import annotations

from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.response import Response

from api import presenters
from api import serializers as s
from api.errors import AcknowledgmentRequired, NotFound, RateLimited, ReauthenticationRequired
from api.views.base import SIGNED_IN_ERRORS, WRITE_ERRORS, ApiView, problem
from api.views.consent import stale
from consent import purposes
from consent import selectors as consent_selectors
from consent import services as consent_services

SURFACE = "app"
PURPOSE_PARAMETER = OpenApiParameter("purpose", str, OpenApiParameter.PATH, description="A consent purpose.")
RECORD_PARAMETER = OpenApiParameter(
    "record_id", str, OpenApiParameter.PATH, description="A record id (UUID)."
)
EXPORT_PARAMETER = OpenApiParameter(
    "export_id", str, OpenApiParameter.PATH, description="An export id (UUID)."
)
STALE = problem("stale_notice: the current notice is in current_notice", s.StaleNoticeProblemSerializer)


def _consent_purpose(code: str) -> purposes.Purpose:
    purpose_obj = purposes.PURPOSES.get(code)
    if purpose_obj is None or not purpose_obj.needs_consent:
        raise NotFound(detail=_("There is no consent to give for this."))
    return purpose_obj


def _purpose_state(state) -> dict:
    notice = (
        consent_selectors.purpose_notice_current(purpose=state.purpose.code) if state.needs_consent else None
    )
    return {
        "purpose": presenters.purpose(state.purpose),
        "decision": state.decision,
        "granted": state.granted,
        "data_state": state.data_state,
        "notice": presenters.notice(notice) if notice else None,
    }


def _state_of(user, code: str) -> dict:
    for state in consent_selectors.privacy_centre_purposes(user=user):
        if state.purpose.code == code:
            return _purpose_state(state)
    raise NotFound()


class RightsView(ApiView):
    policy_gate_exempt = True


class PrivacyCentreView(RightsView):
    @extend_schema(
        operation_id="privacy_centre",
        summary="Every purpose, where the person stands, and the notice to decide on",
        responses={200: s.PrivacyCentreSerializer, **SIGNED_IN_ERRORS},
        tags=["rights"],
    )
    def get(self, request):
        states = consent_selectors.privacy_centre_purposes(user=request.user)
        return Response({"purposes": [_purpose_state(state) for state in states]})


class GrantView(RightsView):
    @extend_schema(
        operation_id="consent_grant",
        summary="Agree to one purpose, on the notice version shown (B6)",
        description="Granting needs the current policy acknowledged (403 acknowledgment_required).",
        parameters=[PURPOSE_PARAMETER],
        request=s.GrantInputSerializer,
        responses={200: s.PurposeStateSerializer, 404: problem("not_found"), 409: STALE, **WRITE_ERRORS},
        tags=["rights"],
    )
    def post(self, request, purpose: str):
        _consent_purpose(purpose)
        data = presenters.validated(s.GrantInputSerializer, request)
        shown = consent_selectors.notice_version_get(pk=data["notice_version"])
        if not consent_selectors.notice_version_is_current_for_purpose(notice_version=shown, purpose=purpose):
            raise stale(purpose)
        try:
            consent_services.consent_grant(
                user=request.user,
                purpose=purpose,
                request=request._request,
                surface=SURFACE,
                notice_version=shown,
            )
        except consent_services.PolicyNotAcknowledgedError:
            # A2, A6: the privacy centre stays open, but granting comes after the policy.
            raise AcknowledgmentRequired(acknowledge_url="/api/v1/acknowledgment") from None
        except consent_services.StaleNoticeError:
            raise stale(purpose) from None
        return Response(_state_of(request.user, purpose))


class WithdrawView(RightsView):
    @extend_schema(
        operation_id="consent_withdraw",
        summary="Withdraw one purpose: one call, like granting (B7); profiling answers are erased (D3)",
        parameters=[PURPOSE_PARAMETER],
        request=None,
        responses={200: s.PurposeStateSerializer, 404: problem("not_found"), **WRITE_ERRORS},
        tags=["rights"],
    )
    def post(self, request, purpose: str):
        _consent_purpose(purpose)
        # Withdrawing is never refused for a stale page (the web's rule too);
        # without a grant there is nothing to withdraw and nothing is recorded.
        if consent_selectors.consent_is_granted(user=request.user, purpose=purpose):
            consent_services.consent_withdraw(
                user=request.user, purpose=purpose, request=request._request, surface=SURFACE
            )
        return Response(_state_of(request.user, purpose))


class HistoryView(RightsView):
    @extend_schema(
        operation_id="consent_history",
        summary="Every decision, newest first, with the notice version shown (E2)",
        responses={200: s.HistoryRecordSerializer(many=True), **SIGNED_IN_ERRORS},
        tags=["rights"],
    )
    def get(self, request):
        records = consent_selectors.consent_records_for_user(user=request.user)
        return Response(
            [
                {**presenters.record(record), "receipt_url": reverse("api:consent_receipt", args=[record.id])}
                for record in records
            ]
        )


class ReceiptView(RightsView):
    @extend_schema(
        operation_id="consent_receipt",
        summary="One decision as a Kantara consent receipt (E2)",
        parameters=[RECORD_PARAMETER],
        responses={
            200: OpenApiResponse(description="The receipt (JSON object, KI-CR-v1.1.0 fields)."),
            404: problem("not_found"),
            **SIGNED_IN_ERRORS,
        },
        tags=["rights"],
    )
    def get(self, request, record_id: str):
        record = consent_selectors.consent_record_for_user(user=request.user, record_id=record_id)
        if record is None:
            raise NotFound(detail=_("There is no such record in your consent history."))
        receipt = consent_selectors.consent_receipt(
            record=record,
            policy_url=request.build_absolute_uri(reverse("consent:privacy_policy")),
            notice_url=request.build_absolute_uri(record.notice_version.get_absolute_url()),
        )
        return Response(receipt)


class ExportsView(RightsView):
    @extend_schema(
        operation_id="export_request",
        summary="Ask for a copy of my data (D1); poll it, then download it",
        description=(
            "A copy still being prepared, or one made in the last 10 minutes, is returned again. "
            "Past 5 copies in 24 hours: 429 rate_limited with Retry-After."
        ),
        request=None,
        responses={202: s.ExportSerializer, **WRITE_ERRORS},
        tags=["rights"],
    )
    def post(self, request):
        try:
            export = consent_services.data_export_request(
                user=request.user, language=translation.get_language()
            )
        except consent_services.ExportLimitReached as limit:
            raise RateLimited(
                detail=_("You have asked for %(limit)d copies in %(hours)d hours. Try again later.")
                % {
                    "limit": consent_selectors.EXPORT_LIMIT,
                    "hours": int(consent_selectors.EXPORT_LIMIT_WINDOW.total_seconds() // 3600),
                },
                wait=limit.retry_after,
            ) from None
        return Response(presenters.export(export), status=202)


def _owned_export(user, export_id):
    export = consent_selectors.data_export_for_owner(user=user, export_id=export_id)
    if export is None:
        raise NotFound(detail=_("There is no such copy of your data, or it has expired."))
    return export


class ExportView(RightsView):
    @extend_schema(
        operation_id="export_status",
        summary="Progress of a copy until it is ready",
        parameters=[EXPORT_PARAMETER],
        responses={200: s.ExportSerializer, 404: problem("not_found"), **SIGNED_IN_ERRORS},
        tags=["rights"],
    )
    def get(self, request, export_id: str):
        response = Response(presenters.export(_owned_export(request.user, export_id)))
        response["Cache-Control"] = "no-store, private"
        return response


class ExportDownloadView(RightsView):
    @extend_schema(
        operation_id="export_download",
        summary="The copy as a JSON file, to its owner only (D1)",
        parameters=[EXPORT_PARAMETER],
        responses={
            200: OpenApiResponse(description="The JSON document (schema_version, controller, categories)."),
            404: problem("not_found (also: not yours, not ready, expired)"),
            **SIGNED_IN_ERRORS,
        },
        tags=["rights"],
    )
    def get(self, request, export_id: str):
        export = _owned_export(request.user, export_id)
        if not export.is_ready:
            raise NotFound(detail=_("There is no such copy of your data, or it has expired."))
        response = HttpResponse(export.content, content_type="application/json; charset=utf-8")
        filename = f"learnright-my-data-{export.created_at:%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store, private"
        return response


class CancelAccountView(RightsView):
    @extend_schema(
        operation_id="account_cancel",
        summary="Cancel my account, after a fresh SMS code (D4)",
        description=(
            "No reason is asked. First confirm a new code through allauth headless: "
            "POST /_allauth/app/v1/auth/reauthenticate/code/request, then "
            "POST /_allauth/app/v1/auth/reauthenticate/code/confirm {code}. Within 5 minutes, "
            "call this: grants still standing are withdrawn, the session token stops working at "
            "once, and the data is erased in the background (`erasure: in_progress`, D5)."
        ),
        request=None,
        responses={
            202: s.CancellationSerializer,
            401: problem(
                "reauthentication_required: confirm a new code first", s.ReauthenticationProblemSerializer
            ),
            429: problem("rate_limited"),
        },
        tags=["rights"],
    )
    def post(self, request):
        django_request = request._request
        if not did_recently_reauthenticate(django_request):
            raise ReauthenticationRequired(
                reauthenticate={
                    "request_code": "/_allauth/app/v1/auth/reauthenticate/code/request",
                    "confirm_code": "/_allauth/app/v1/auth/reauthenticate/code/confirm",
                }
            )
        consent_services.account_cancel(user=request.user, request=django_request)
        return Response({"status": "cancelled", "erasure": "in_progress"}, status=202)
