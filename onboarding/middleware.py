import logging

from allauth.core.exceptions import RateLimited
from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from consent import selectors as consent_selectors


class TooManyRequestsMiddleware:
    """Turn allauth's RateLimited into a clear 429 page (REQUIREMENTS F1), and
    an unreachable Redis into a clear 503 ("we could not send the code").

    allauth raises RateLimited from deep inside the signup flow, after the
    account row was saved. With ATOMIC_REQUESTS the exception has already
    rolled that row back by the time it reaches us; here we also drop the
    half-started sign-in from the session so the next attempt starts fresh.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            template, status = "429.html", 429
        elif isinstance(exception, dependency_errors()):
            # Redis (rate limits, broker) is down while a code must be sent.
            template, status = "503_sms.html", 503
        else:
            return None
        from allauth.account.internal.stagekit import clear_login

        clear_login(request)
        return render(request, template, status=status)


def dependency_errors() -> tuple[type[Exception], ...]:
    """Exceptions meaning a backing service (Redis, the broker) is unreachable."""
    import kombu.exceptions
    import redis.exceptions
    from django_redis.exceptions import ConnectionInterrupted

    from onboarding.services import SmsUnavailable

    return (
        SmsUnavailable,
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
        # What the django-redis cache (the rate-limit counters) raises instead.
        ConnectionInterrupted,
        kombu.exceptions.OperationalError,
    )


_ACKNOWLEDGMENT_SESSION_KEY = "onboarding_policy_acknowledged"


def _resolve(path: str):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None


def policy_acknowledgment_is_current_for_session(*, request, user) -> bool:
    """consent's answer, remembered in the session for the current policy label.

    Only a positive answer is remembered, tagged with the user and the policy
    label: acknowledging takes effect on the very next request, and a new
    policy version (A6) is noticed as soon as it is published. The remembered
    case costs no query (consent caches the current label). Called at sign-in
    as well, so the requests after it are all of that kind.
    """
    marker = f"{user.pk}:{consent_selectors.privacy_policy_current_label()}"
    if request.session.get(_ACKNOWLEDGMENT_SESSION_KEY) == marker:
        return True
    if not consent_selectors.policy_acknowledgment_is_current(user=user):
        return False
    request.session[_ACKNOWLEDGMENT_SESSION_KEY] = marker
    return True


class PolicyAcknowledgmentMiddleware:
    """The first-run gate (REQUIREMENTS A2): acknowledge the current policy first.

    An account created by an operator (CSV import, admin) has no
    acknowledgment, and neither has anyone after a new policy version (A6).
    Such a signed-in person is taken to the acknowledgment page before any
    other page; the consent screen follows it there, once, and can be skipped.
    This is the step the account in the court's case never got.
    """

    # Reachable without acknowledging: reading the policy, signing out, the
    # language switch (the policy is published in two languages), allauth's
    # own pages (sign-in, codes, logout), static files and the health probe.
    # The app API (/api/, /_allauth/) keeps the same gate itself, answering
    # JSON instead of a redirect (api.permissions.PolicyAcknowledged).
    EXEMPT_PREFIXES = ("/privacy/", "/accounts/", "/i18n/", "/healthz", "/api/", "/_allauth/")
    # Exercising a right never waits for a new policy (PIPL 15, 45, 47):
    # withdrawing (the privacy centre and its decision form, where the
    # consent service itself refuses any grant before the acknowledgment),
    # the copy of my data, the history with its receipts, and cancelling.
    # Nothing else of the privacy centre: granting needs the current policy.
    EXEMPT_URL_NAMES = (
        "consent:privacy_centre",
        "consent:privacy_centre_decide",
        "consent:consent_history",
        "consent:consent_receipt",
        "consent:my_data",
        "consent:export_request",
        "consent:export_status",
        "consent:export_download",
        "consent:account_cancel",
        "consent:account_cancelled",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_acknowledge(request):
            return redirect("consent:acknowledge")
        return self.get_response(request)

    def _is_exempt_by_prefix(self, request) -> bool:
        return request.path_info.startswith((*self.EXEMPT_PREFIXES, settings.STATIC_URL))

    def _is_exempt(self, request) -> bool:
        # reverse() includes the script prefix, like request.path.
        path = request.path
        if path in (reverse("consent:acknowledge"), reverse("account_logout")):
            return True
        match = _resolve(request.path_info)
        if match is not None and match.view_name in self.EXEMPT_URL_NAMES:
            return True
        # Staff in the admin act for the operator, not as learners: the policy
        # they acknowledge as learners is not what governs their work, and the
        # gate must not lock the operator out of the one tool that fixes a
        # broken deployment (for example, notices not yet published).
        return request.user.is_staff and path.startswith(reverse("admin:index"))

    def _must_acknowledge(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or self._is_exempt_by_prefix(request):
            return False
        if policy_acknowledgment_is_current_for_session(request=request, user=user):
            return False
        # Resolving the URL only for the few requests that would be stopped.
        return not self._is_exempt(request)


class PermissionsPolicyMiddleware:
    """Deny every browser feature no page uses (settings.PERMISSIONS_POLICY; F3).

    Nothing here needs the camera, the microphone, location or payments: a
    script injected despite the CSP, or a frame, gets none of them either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class ErrorPagesMiddleware:
    """The site's own error pages, in the visitor's language, in development too.

    In production Django's handlers render templates/400.html ... 500.html. In
    development (DEBUG, as `make run`) Django would show its technical pages
    instead: in English, listing every URL pattern. Those stay available to
    developers with DJANGO_TECHNICAL_ERROR_PAGES=true. A bare 405 (a GET on an
    address meant for a button) becomes a page in every mode.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            branded = render(request, "405.html", status=405)
            branded["Allow"] = response.get("Allow", "")
            return branded
        if (
            response.status_code == 404
            and self._branded_in_debug()
            and getattr(request, "resolver_match", None) is None
        ):
            # No URL pattern matched: Django's technical 404 would list them all.
            return render(request, "404.html", status=404)
        return response

    def process_exception(self, request, exception):
        if not self._branded_in_debug():
            return None
        if isinstance(exception, Http404):
            return render(request, "404.html", status=404)
        if isinstance(exception, PermissionDenied):
            return render(request, "403.html", status=403)
        if isinstance(exception, (BadRequest, SuspiciousOperation)):
            return render(request, "400.html", status=400)
        # Listed early in MIDDLEWARE, so every other middleware (429, 503)
        # has had its turn: what is left is a server error. The traceback
        # still goes to the terminal, as Django's own handler would log it.
        logging.getLogger("django.request").error(
            "Internal Server Error: %s", request.path, exc_info=exception
        )
        from onboarding.views import server_error

        return server_error(request)

    @staticmethod
    def _branded_in_debug() -> bool:
        return settings.DEBUG and not getattr(settings, "TECHNICAL_ERROR_PAGES", False)
