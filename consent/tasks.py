"""Celery tasks of the consent app: ids in, one service call, the retry policy here.

Imported only when Celery is used: by `consent.runners.CeleryRunner`
(CONSENT_TASK_RUNNER) and by the host's `app.autodiscover_tasks()`.
"""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError

from consent import services

RETRYABLE = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=RETRYABLE,
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
)
def data_export_build_task(self, export_id: str) -> bool:
    """Build one copy of my data (D1). Rebuilding from scratch is safe, so retries are too."""
    try:
        export = services.data_export_build(export_id=export_id)
    except RETRYABLE:
        if self.request.retries >= self.max_retries:
            services.data_export_fail(export_id=export_id)
        raise
    return export is not None


@shared_task(
    bind=True,
    # A worker that dies half-way does not lose the erasure: the message is
    # acknowledged only after the task returns, and redelivered otherwise
    # (settings: CELERY_TASK_REJECT_ON_WORKER_LOST, the broker's visibility_timeout).
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=RETRYABLE,
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=10,
)
def account_erase_task(self, user_id: int) -> bool:
    """Erase a cancelled account through the personal-data registry (D4). Idempotent.

    Returns False when there is nothing left to erase (a retry after the
    account row went, or a duplicate delivery) or the account is not cancelled.
    """
    return services.account_erase_cancelled(user_id=user_id)


@shared_task(acks_late=True, autoretry_for=RETRYABLE, retry_backoff=True, max_retries=3)
def retention_purge_task() -> dict[str, int]:
    """The retention schedule (E4), run by Celery beat (the host's CELERY_BEAT_SCHEDULE)."""
    return services.retention_purge()


@shared_task(acks_late=True, autoretry_for=RETRYABLE, retry_backoff=True, max_retries=3)
def ledger_checkpoint_task() -> int:
    """Sign a checkpoint of every consent chain (E5), run by Celery beat: see CELERY_BEAT_SCHEDULE."""
    from consent import checkpoints

    return checkpoints.checkpoint_create().number
