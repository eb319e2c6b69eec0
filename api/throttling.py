from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import SimpleRateThrottle


class PersonWriteThrottle(SimpleRateThrottle):
    """Writes per person (per IP before sign-in); reads are not counted.

    Design: REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["person_write"]. SMS
    sending keeps allauth's own per-number and per-IP limits (F1); this one
    stops a script from filling the ledger or the export queue.
    """

    scope = "person_write"

    def get_cache_key(self, request, view):
        if request.method in SAFE_METHODS:
            return None
        if request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"ip-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
