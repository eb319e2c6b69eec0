"""The allauth headless endpoints LearnRight serves for apps, and no others.

The same rule as the web's pages (config/allauth_urls.py): sign-up, sign-in
and reauthentication by SMS code, the phone verification and change, the
session, and the second step for an account with an authenticator app. The
password, email and token-refresh endpoints are left out of the URLconf, so
they answer 404 (A1, A5). Signup is allauth's own view with the
privacy-policy acknowledgment added (api.signup, A3).
"""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

from api.signup import app_signup

# (namespace, url name) under /_allauth/app/v1/.
HEADLESS_ENDPOINTS_IN_USE = frozenset(
    {
        ("app", "config"),
        ("app:account", "current_session"),
        ("app:account", "signup"),
        ("app:account", "verify_phone"),
        ("app:account", "resend_phone_verification_code"),
        ("app:account", "request_login_code"),
        ("app:account", "resend_login_code"),
        ("app:account", "confirm_login_code"),
        ("app:account", "request_reauthentication_code"),
        ("app:account", "confirm_reauthentication_code"),
        ("app:account", "resend_reauthentication_code"),
        ("app:account", "manage_phone"),
        # Only staff ever set up an authenticator app; their sign-in needs this step.
        ("app:mfa", "authenticate"),
        ("app:mfa", "reauthenticate"),
    }
)
REPLACED = {("app:account", "signup"): app_signup}


def _filtered(patterns, namespace: str) -> list[URLPattern | URLResolver]:
    kept: list[URLPattern | URLResolver] = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            children = _filtered(pattern.url_patterns, inner)
            if children:
                kept.append(
                    URLResolver(
                        pattern.pattern, children, pattern.default_kwargs, pattern.app_name, pattern.namespace
                    )
                )
        elif (namespace, pattern.name) in HEADLESS_ENDPOINTS_IN_USE:
            callback = REPLACED.get((namespace, pattern.name), pattern.callback)
            kept.append(URLPattern(pattern.pattern, callback, pattern.default_args, pattern.name))
    return kept


def headless_urlpatterns_in_use() -> list[URLPattern | URLResolver]:
    import allauth.headless.urls

    return _filtered(allauth.headless.urls.urlpatterns, "")
