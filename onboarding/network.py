"""Who is on the other end of a request: one answer for every limit and record.

allauth's per-IP rate limits (F1), the admin's lockout (django-axes) and the
ledger's truncated IP (E1) all ask `client_ip`, so a proxy configured once
(ALLAUTH_TRUSTED_PROXY_COUNT or ALLAUTH_TRUSTED_CLIENT_IP_HEADER) is trusted
the same way everywhere.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address as allauth's rate limits see it; "" when there is none."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return ""


def sign_in_name_digest(request: HttpRequest, credentials: dict | None) -> str:
    """What the admin lockout records instead of the phone number typed (E3).

    A keyed hash of the normalised number: the same number always gives the
    same value, so the lockout counts per account, but the table of attempts
    shows staff no number and cannot be reversed without the secret key.
    """
    from onboarding.phone import phone_normalize

    raw = (credentials or {}).get("username") or (request.POST.get("username") if request else "") or ""
    try:
        name = phone_normalize(raw)
    except ValidationError:
        name = raw.strip()
    digest = hmac.new(settings.SECRET_KEY.encode(), name.encode(), hashlib.sha256).hexdigest()
    return f"sha256:{digest[:32]}"
