"""App clients authenticate with allauth's session token, sent as `X-Session-Token`."""

from __future__ import annotations

from allauth.headless.constants import Client
from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from allauth.headless.internal.decorators import mark_request_as_headless


class SessionTokenAuthentication(XSessionTokenAuthentication):
    """allauth's X-Session-Token authentication, with the token's session made current.

    Services that act on "the session" (signing out at cancellation, D4;
    allauth's record of a recent reauthentication) then act on the app's
    session, exactly as they do on the browser's. `api.views.base.ApiView`
    puts the request's own session back before the response leaves, so no
    session cookie is ever set for an app client. No cookie is read either:
    without a token a request is anonymous, so no CSRF applies (F3).
    """

    # An unknown or expired token is an error the app must act on (sign in again).
    allow_invalid_session_tokens = False

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        user, session = result
        django_request = request._request
        mark_request_as_headless(django_request, Client.APP)
        django_request.session = session
        django_request.user = user
        return user, session
