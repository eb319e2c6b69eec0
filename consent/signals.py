"""Signals other apps listen to; sent by consent.services at the end of a decision.

Receivers only enqueue work (with transaction.on_commit), e.g. onboarding
erases the profile answers when profiling consent is withdrawn (D3).
Arguments: `user`, `purpose` (a code from consent.purposes), `record`.
"""

from django.dispatch import Signal

consent_granted = Signal()
consent_withdrawn = Signal()
