"""Celery application: configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery
from celery.signals import after_setup_logger, after_setup_task_logger

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("learnright")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@after_setup_logger.connect(dispatch_uid="config.celery.mask_phone_numbers_in_worker_log")
@after_setup_task_logger.connect(dispatch_uid="config.celery.mask_phone_numbers_in_task_log")
def mask_phone_numbers_in_worker_logs(logger, **kwargs) -> None:
    """Celery configures a worker's logging itself, so settings.LOGGING's
    filter never reaches its handlers: add it to each of them (F3: no phone
    number in production logs, the worker's included)."""
    from onboarding.logging import MaskPhoneNumbersFilter

    for handler in logger.handlers:
        if not any(isinstance(existing, MaskPhoneNumbersFilter) for existing in handler.filters):
            handler.addFilter(MaskPhoneNumbersFilter())
