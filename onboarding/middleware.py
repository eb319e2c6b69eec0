from allauth.core.exceptions import RateLimited
from django.conf import settings
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

    from onboarding.services import SmsUnavailable

    return (
        SmsUnavailable,
        redis.exceptions.ConnectionError,
        redis.exceptions.TimeoutError,
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
