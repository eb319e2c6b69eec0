"""The admin behind allauth's sign-in and a second factor (DJANGO_ADMIN_REQUIRE_MFA; F3).

Wired in config/urls.py when the setting is on: the admin's password page is
replaced by the sign-in by SMS code, allauth then asks for the authenticator
code of any account that has one, and only staff with an authenticator may
enter. A staff member without one is sent to set it up.
"""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.shortcuts import redirect


def _has_authenticator(user) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    return is_mfa_enabled(user)


def admin_login_with_mfa(admin_login):
    """The admin's login view, reached only through allauth's sign-in."""
    secured = secure_admin_login(admin_login)

    def view(request, extra_context=None):
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and not _has_authenticator(user):
            return redirect("mfa_index")
        return secured(request, extra_context)

    return view


def has_permission_with_mfa(has_permission):
    """The admin site's permission check, plus: this staff member has an authenticator."""

    def check(request) -> bool:
        return has_permission(request) and _has_authenticator(request.user)

    return check
