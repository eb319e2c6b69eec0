import logging

from allauth.core.exceptions import RateLimited
from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.shortcuts import render


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
