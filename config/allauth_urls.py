"""The django-allauth pages LearnRight serves under /accounts/, and no others.

allauth ships pages for passwords, email addresses and more. Learners sign in
by SMS code only: nobody ever chose a password (the privacy policy says so)
and no email address is collected (A1, A5). Every allauth URL not listed here
is left out of the URLconf, so it answers 404, never a form that would store
data we do not declare, nor a 500.
"""

from __future__ import annotations

from functools import wraps

from django.http import Http404
from django.urls import URLPattern, URLResolver

# Sign-up, sign-in and sign-out by SMS code, the phone verification and
# change (with reauthentication by a fresh code, F1), and the page shown to
# an account that is no longer active.
ALLAUTH_URL_NAMES_IN_USE = frozenset(
    {
        "account_signup",
        "account_request_login_code",
        "account_confirm_login_code",
        "account_logout",
        "account_inactive",
        "account_verify_phone",
        "account_change_phone",
        "account_request_reauthentication_code",
        "account_confirm_reauthentication_code",
        # The second step of sign-in, and of reauthentication, for an account
        # with an authenticator app: only staff ever set one up.
        "mfa_authenticate",
        "mfa_reauthenticate",
    }
)
# Setting up an authenticator app (allauth MFA) is for staff only (docs/OPERATIONS.md).
ALLAUTH_URL_NAMES_FOR_STAFF = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
    }
)


def staff_only(view):
    """A 404, not a 403, for anyone else: the page does not exist for learners."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _filtered(patterns) -> list[URLPattern | URLResolver]:
    kept: list[URLPattern | URLResolver] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            children = _filtered(pattern.url_patterns)
            if children:
                kept.append(
                    URLResolver(
                        pattern.pattern,
                        children,
                        pattern.default_kwargs,
                        pattern.app_name,
                        pattern.namespace,
                    )
                )
        elif pattern.name in ALLAUTH_URL_NAMES_IN_USE:
            kept.append(pattern)
        elif pattern.name in ALLAUTH_URL_NAMES_FOR_STAFF:
            kept.append(
                URLPattern(pattern.pattern, staff_only(pattern.callback), pattern.default_args, pattern.name)
            )
    return kept


def allauth_urlpatterns_in_use() -> list[URLPattern | URLResolver]:
    import allauth.urls

    return _filtered(allauth.urls.urlpatterns)
