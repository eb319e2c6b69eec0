"""Signals other apps listen to; sent by consent.services at the end of a decision.

Receivers only enqueue work (with transaction.on_commit), e.g. the host
erases the data a purpose allowed when its consent is withdrawn (D3).
Arguments: `user`, `purpose` (a declared purpose code), `record`.
"""

from django.dispatch import Signal

consent_granted = Signal()
consent_withdrawn = Signal()
