from __future__ import annotations

from rest_framework.permissions import BasePermission

from api.errors import AcknowledgmentRequired
from consent import selectors as consent_selectors


class PolicyAcknowledged(BasePermission):
    """The first-run gate of the web (REQUIREMENTS A2, A6), for app clients.

    A signed-in person who has not acknowledged the current privacy policy
    (an account an operator created, or anyone after a new policy version)
    gets `acknowledgment_required` everywhere except the policy itself, the
    acknowledgment and, as on the web, the privacy centre: exercising a right
    never waits for accepting a new policy (PIPL 15, 47). Views that are
    exempt say so with `policy_gate_exempt = True`.
    """

    def has_permission(self, request, view) -> bool:
        user = request.user
        if getattr(view, "policy_gate_exempt", False) or not user.is_authenticated:
            return True
        if consent_selectors.policy_acknowledgment_is_current(user=user):
            return True
        raise AcknowledgmentRequired(acknowledge_url="/api/v1/acknowledgment")
