"""Task runners: who builds copies of data and erases cancelled accounts (D1, D4).

Selected by `CONSENT_TASK_RUNNER` (a dotted path), the way Django selects an
email backend. Services call them after their transaction has committed.

- `InProcessRunner` (the default) does the work at once, in the process that
  handled the request: nothing to install, and right for small sites and tests.
  A build that fails is marked failed on the spot, so the person can ask again.
- `CeleryRunner` queues `consent.tasks` on the host's Celery app, with their
  retry policies; needs Celery (`pip install django-consent-ledger[celery]`).

Either way a copy never stays "being prepared" for ever: one that has not
finished after CONSENT_EXPORT_STALLED_AFTER counts as failed, and asking
again starts a new one (consent.services.data_exports_fail_stalled).
"""

from __future__ import annotations

import logging

from django.utils.module_loading import import_string

from consent.app_settings import app_settings

logger = logging.getLogger(__name__)


class BaseRunner:
    def data_export_build(self, *, export_id: str) -> None:
        raise NotImplementedError

    def account_erase(self, *, user_id) -> None:
        raise NotImplementedError


class InProcessRunner(BaseRunner):
    def data_export_build(self, *, export_id: str) -> None:
        from consent import services

        try:
            services.data_export_build(export_id=export_id)
        except Exception:
            # D5: the status page says it failed and offers to try again,
            # rather than "being prepared" for ever.
            logger.exception("Building the copy of data %s failed.", export_id)
            services.data_export_fail(export_id=export_id)

    def account_erase(self, *, user_id) -> None:
        from consent import services

        try:
            services.account_erase_cancelled(user_id=user_id)
        except Exception:
            # The account is already deactivated and signed out (D4). This
            # runner does not retry: a site that needs retries (and workers
            # that survive a crash) uses CeleryRunner.
            logger.exception("Erasing the cancelled account id=%s failed.", user_id)


class CeleryRunner(BaseRunner):
    def data_export_build(self, *, export_id: str) -> None:
        from consent.tasks import data_export_build_task

        data_export_build_task.delay(str(export_id))

    def account_erase(self, *, user_id) -> None:
        from consent.tasks import account_erase_task

        account_erase_task.delay(user_id)


def get_runner() -> BaseRunner:
    return import_string(app_settings.TASK_RUNNER)()
