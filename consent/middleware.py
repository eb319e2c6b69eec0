"""The first-run gate: the current privacy policy is acknowledged before anything else (A2, A3, A6).

An account created by an operator (an import, the admin) has no
acknowledgment, and neither has anyone after a new policy version (A6). Such
a signed-in person is taken to the acknowledgment page before any other page;
the consent screens of the purposes asked at first run follow it there, once,
and can be skipped. This is the step the account in the court's case never got
((2022)京04民终494号).

Add `consent.middleware.FirstRunGateMiddleware` to MIDDLEWARE after
AuthenticationMiddleware; it works with any login (Django's own views,
allauth, an API session). The system check consent.W002 warns when it is
missing.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from consent import selectors
from consent.app_settings import app_settings

# The pages reachable before the current policy is acknowledged, by URL name:
# the single place to change what the gate lets through. The host adds its
# own with CONSENT_GATE_EXEMPT_URL_NAMES and CONSENT_GATE_EXEMPT_PATH_PREFIXES
# (its sign-in pages, a health probe, the language switch).
EXEMPT_URL_NAMES = (
    # The gate's own page, and signing out.
    "consent:acknowledge",
    "logout",
    # Reading what is asked: the policy, its earlier versions, the contact (A4, D6).
    "consent:privacy_policy",
    "consent:privacy_policy_version",
    "consent:privacy_contact",
    # Exercising a right never waits for a new policy (PIPL 15, 45, 47):
    # withdrawing (the privacy centre and its decision form, where the
    # consent service itself refuses any grant before the acknowledgment),
    # the copy of my data, the history with its receipts, and cancelling.
    # Nothing else of the privacy centre: granting needs the current policy.
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
    "set_language",
)

SESSION_KEY = "consent_policy_acknowledged"


def policy_acknowledgment_is_current_for_session(*, request, user) -> bool:
    """consent's answer, remembered in the session for the current policy label.

    Only a positive answer is remembered, tagged with the user and the policy
    label: acknowledging takes effect on the very next request, and a new
    policy version (A6) is noticed as soon as it is published. The remembered
    case costs no query (the current label is cached). Also called at sign-in
    (apps.py), so the requests after it are all of that kind.
    """
    marker = f"{user.pk}:{selectors.privacy_policy_current_label()}"
    if request.session.get(SESSION_KEY) == marker:
        return True
    if not selectors.policy_acknowledgment_is_current(user=user):
        return False
    request.session[SESSION_KEY] = marker
    return True


def policy_acknowledgment_remember_on_login(sender, request, user, **kwargs) -> None:
    """Look the acknowledgment up once, at sign-in; nothing is written but the session."""
    if request is None or not hasattr(request, "session"):
        return
    policy_acknowledgment_is_current_for_session(request=request, user=user)


def is_exempt_by_prefix(request) -> bool:
    prefixes = (*app_settings.GATE_EXEMPT_PATH_PREFIXES, settings.STATIC_URL or "/static/")
    return request.path_info.startswith(prefixes)


def is_exempt(request) -> bool:
    """May this request pass without an acknowledgment of the current policy?"""
    if is_exempt_by_prefix(request):
        return True
    try:
        view_name = resolve(request.path_info).view_name
    except Resolver404:
        return False
    if view_name in EXEMPT_URL_NAMES or view_name in app_settings.GATE_EXEMPT_URL_NAMES:
        return True
    # Staff in the admin act for the operator, not as users: the gate must
    # not lock the operator out of the one tool that fixes a broken
    # deployment (for example, notices not yet published).
    return bool(request.user.is_staff) and view_name.startswith("admin:") and _admin_is_installed()


def _admin_is_installed() -> bool:
    try:
        reverse("admin:index")
    except NoReverseMatch:
        return False
    return True


class FirstRunGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_acknowledge(request):
            return redirect("consent:acknowledge")
        return self.get_response(request)

    def _must_acknowledge(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or is_exempt_by_prefix(request):
            return False
        if policy_acknowledgment_is_current_for_session(request=request, user=user):
            return False
        # Resolving the URL only for the few requests that would be stopped.
        return not is_exempt(request)
