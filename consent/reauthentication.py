"""Proof that it is the person, just now, before an account is cancelled (D4, TC260 8.5).

Two ways, chosen by CONSENT_CANCEL_REAUTHENTICATION:

- "allauth": django-allauth's reauthentication (`reauthentication_required`),
  with whatever the host configured in ACCOUNT_REAUTHENTICATION_METHODS (a
  password, or a code sent just now). allauth is imported only here, only then.
- "password": Django's own check of the account's password, typed into the
  cancellation form itself. Nothing else to install.

"auto" (the default) is "allauth" when `allauth.account` is installed, else
"password". Either asks for no more than signing in does (APP191 6.2).
"""

from __future__ import annotations

from functools import wraps

from django.apps import apps

from consent.app_settings import app_settings

ALLAUTH = "allauth"
PASSWORD = "password"  # noqa: S105 - the name of a method, not a secret


def method() -> str:
    chosen = app_settings.CANCEL_REAUTHENTICATION
    if chosen in (ALLAUTH, PASSWORD):
        return chosen
    return ALLAUTH if apps.is_installed("allauth.account") else PASSWORD


def allauth_required(view):
    """allauth's `reauthentication_required`, imported when the view runs (allauth stays optional)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        from allauth.account.decorators import reauthentication_required

        return reauthentication_required(view)(request, *args, **kwargs)

    return wrapped
