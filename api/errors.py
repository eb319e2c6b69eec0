"""One error shape for the whole API: RFC 9457 problem details with a stable `code`.

Every refusal a client must act on has its own code (docs/API.md lists them):
a client branches on `code`, never on the wording of `title` or `detail`,
which follow the request's language.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem_type(code: str) -> str:
    return f"urn:learnright:problem:{code}"


def problem_body(*, status_code: int, code: str, title: str, detail: str = "", **extra) -> dict:
    body = {
        "type": problem_type(code),
        "title": str(title),
        "status": status_code,
        "code": code,
        "detail": str(detail or title),
    }
    body.update(extra)
    return body


def problem_response(*, status_code: int, code: str, title: str, detail: str = "", **extra) -> JsonResponse:
    """For code outside DRF's views (middleware): the same body, the same media type."""
    body = problem_body(status_code=status_code, code=code, title=title, detail=detail, **extra)
    return JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


class ApiProblem(exceptions.APIException):
    """A refusal with a stable code; `extra` adds members to the problem body."""

    status_code = status.HTTP_400_BAD_REQUEST
    code = "bad_request"
    title = _("The request cannot be processed.")

    def __init__(self, detail=None, **extra) -> None:
        super().__init__(detail=detail or self.title, code=self.code)
        self.extra = extra


class AcknowledgmentRequired(ApiProblem):
    # REQUIREMENTS A2, A6: the first-run gate of the web, for app clients.
    status_code = status.HTTP_403_FORBIDDEN
    code = "acknowledgment_required"
    title = _("Read and acknowledge the current privacy policy first.")


class ConsentRequired(ApiProblem):
    # REQUIREMENTS A5, B1: no profile write without a current grant.
    status_code = status.HTTP_403_FORBIDDEN
    code = "consent_required"
    title = _("This needs your consent first. Nothing was saved.")


class StaleNotice(ApiProblem):
    # REQUIREMENTS A6: a decision counts only for the notice version now current.
    status_code = status.HTTP_409_CONFLICT
    code = "stale_notice"
    title = _("This notice was updated. Please read the current version and choose again.")


class NoticeUnavailable(ApiProblem):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    code = "notice_unavailable"
    title = _("This consent notice is not available right now. Nothing was recorded.")


class ReauthenticationRequired(ApiProblem):
    # REQUIREMENTS D4: cancelling needs a fresh SMS code (allauth reauthentication).
    status_code = status.HTTP_401_UNAUTHORIZED
    code = "reauthentication_required"
    title = _("Confirm with a new code sent to your mobile number first.")


class RateLimited(ApiProblem):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    code = "rate_limited"
    title = _("Too many requests. Please wait a moment and try again.")

    def __init__(self, detail=None, *, wait: int, **extra) -> None:
        super().__init__(detail, **extra)
        self.wait = wait


class NotEnrolled(ApiProblem):
    status_code = status.HTTP_403_FORBIDDEN
    code = "not_enrolled"
    title = _("Enroll in the course first: it is free and open to everyone.")


class NotFound(ApiProblem):
    status_code = status.HTTP_404_NOT_FOUND
    code = "not_found"
    title = _("Not found.")


# DRF's own exceptions, each with its stable code.
_DRF_CODES: list[tuple[type[exceptions.APIException], str, object]] = [
    (exceptions.ValidationError, "validation_error", _("Some fields are not valid.")),
    (exceptions.ParseError, "malformed_request", _("The request body is not valid JSON.")),
    (exceptions.NotAuthenticated, "not_authenticated", _("Sign in first.")),
    (exceptions.AuthenticationFailed, "invalid_session_token", _("The session token is not valid.")),
    (exceptions.PermissionDenied, "forbidden", _("You may not do this.")),
    (exceptions.NotFound, "not_found", _("Not found.")),
    (exceptions.MethodNotAllowed, "method_not_allowed", _("This method is not allowed here.")),
    (exceptions.NotAcceptable, "not_acceptable", _("This API answers in JSON only.")),
    (exceptions.UnsupportedMediaType, "unsupported_media_type", _("Send JSON (application/json).")),
    (exceptions.Throttled, "rate_limited", _("Too many requests. Please wait a moment and try again.")),
]


def _field_errors(detail) -> dict:
    """{"field": [{"code": ..., "message": ...}]} from DRF's nested ErrorDetails."""
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    return {"non_field_errors": _flatten(detail)}


def _flatten(value) -> list[dict]:
    if isinstance(value, list):
        out: list[dict] = []
        for item in value:
            out.extend(_flatten(item))
        return out
    if isinstance(value, dict):
        return [{"code": "invalid", "message": str(_field_errors(value))}]
    return [{"code": getattr(value, "code", "invalid") or "invalid", "message": str(value)}]


def problem_exception_handler(exc, context):
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: every error as problem details."""
    # Imported here: rest_framework.views imports the permission classes,
    # which import this module.
    from rest_framework.views import set_rollback

    if isinstance(exc, Http404):
        exc = NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, ApiProblem):
        body = problem_body(
            status_code=exc.status_code, code=exc.code, title=exc.title, detail=exc.detail, **exc.extra
        )
    else:
        code, title = "error", _("The request cannot be processed.")
        for cls, known_code, known_title in _DRF_CODES:
            if isinstance(exc, cls):
                code, title = known_code, known_title
                break
        if isinstance(exc, exceptions.ValidationError):
            body = problem_body(
                status_code=exc.status_code, code=code, title=title, errors=_field_errors(exc.detail)
            )
        else:
            body = problem_body(status_code=exc.status_code, code=code, title=title, detail=str(exc.detail))
    # A refused write leaves nothing behind (ATOMIC_REQUESTS).
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE)
