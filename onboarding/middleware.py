from allauth.core.exceptions import RateLimited
from django.shortcuts import render


class TooManyRequestsMiddleware:
    """Turn allauth's RateLimited into a clear 429 page (REQUIREMENTS F1).

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
        if not isinstance(exception, RateLimited):
            return None
        from allauth.account.internal.stagekit import clear_login

        clear_login(request)
        return render(request, "429.html", status=429)
