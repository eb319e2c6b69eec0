from __future__ import annotations

from allauth.core.exceptions import RateLimited
from django.http import JsonResponse
from django.utils.translation import gettext as _

from api.errors import PROBLEM_CONTENT_TYPE, problem_body
from onboarding.middleware import dependency_errors

API_PREFIXES = ("/api/", "/_allauth/")


class ApiProblemMiddleware:
    """Rate limits and outages on the API answer JSON, not the web's HTML pages.

    allauth raises RateLimited from inside its flows (our adapter sends the
    SMS there, with the per-number limits of F1). ATOMIC_REQUESTS has already
    rolled back whatever the request wrote, so no half-created account is
    left; here the refusal becomes a 429 (or a 503 when Redis or the broker
    is down) in the shape the client reads: allauth's envelope under
    /_allauth/, problem details under /api/.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path_info.startswith(API_PREFIXES):
            return None
        if isinstance(exception, RateLimited):
            status, code = 429, "rate_limited"
            title = _("Too many requests. Please wait a moment and try again.")
        elif isinstance(exception, dependency_errors()):
            status, code = 503, "service_unavailable"
            title = _("We could not send the code right now. Nothing was saved; please try again soon.")
        else:
            return None
        if request.path_info.startswith("/_allauth/"):
            body = {"status": status, "errors": [{"code": code, "message": title}]}
            response = JsonResponse(body, status=status)
        else:
            response = JsonResponse(
                problem_body(status_code=status, code=code, title=title),
                status=status,
                content_type=PROBLEM_CONTENT_TYPE,
            )
        if status == 503:
            response["Retry-After"] = "30"
        return response
