"""Phone numbers never reach the logs (REQUIREMENTS F3)."""

import io
import logging

import pytest

from onboarding.logging import MaskPhoneNumbersFilter, mask_phone_numbers
from onboarding.sms.backends.base import BaseSmsBackend


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sending to +8613800138000 now", "sending to 138****8000 now"),
        ("number 138 0013 8000 refused", "number 138****8000 refused"),
        ("order 42 of 2026-11-28", "order 42 of 2026-11-28"),
    ],
)
def test_numbers_are_masked_in_text(text, expected):
    assert mask_phone_numbers(text) == expected


def test_the_filter_masks_the_formatted_message_of_a_record():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "SMS to %s failed", ("+8613800138000",), None)
    assert MaskPhoneNumbersFilter().filter(record) is True
    assert record.getMessage() == "SMS to 138****8000 failed"


class RefusingBackend(BaseSmsBackend):
    def send_messages(self, messages):
        raise ValueError(f"provider refused {messages[0].to}")


@pytest.mark.django_db
def test_a_failing_sms_task_logs_no_phone_number(settings):
    from onboarding.models import OutboundSms
    from onboarding.tasks import send_sms_task

    settings.SMS_BACKEND = f"{__name__}.RefusingBackend"
    console = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, MaskPhoneNumbersFilter) for f in h.filters)
    )
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        message = OutboundSms.objects.create(to="+8613800138000", body="code 123456")
        result = send_sms_task.apply(args=(message.pk,), throw=False)
    finally:
        console.setStream(previous)
    assert result.failed()
    logged = stream.getvalue()
    assert "provider refused" in logged
    assert "8613800138000" not in logged
    assert "138****8000" in logged


@pytest.mark.parametrize(
    "text",
    [
        "customer service 4001234567 answered",  # a service number
        "fixed line 01012345678 called",  # a landline, never an account
        "took 12345678901 ns",
        "invoice 20261129063100 paid",
    ],
)
def test_numbers_that_are_not_mobile_numbers_stay_readable(text):
    assert mask_phone_numbers(text) == text


def test_a_celery_workers_log_masks_numbers_written_by_tasks_and_by_print(tmp_path):
    """Celery sets up the worker's logging itself; its signals add the filter (F3)."""
    import subprocess
    import sys

    from tests.config.test_settings import ROOT

    logfile = tmp_path / "worker.log"
    script = (
        "import logging, sys;"
        "from config.celery import app;"
        f"app.log.setup(loglevel='INFO', logfile={str(logfile)!r}, redirect_stdouts=True);"
        "from celery.utils.log import get_task_logger;"
        "logging.getLogger('onboarding').warning('queued for +8613900000040');"
        "get_task_logger('onboarding.tasks').warning('task sending to +8613900000041');"
        "print('[SMS to +8613900000042] Your LearnRight code is 576528'); sys.stdout.flush()"
    )
    env = {"DJANGO_DEBUG": "true", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = logfile.read_text()

    assert "139****0040" in written
    assert "139****0041" in written
    assert "139****0042" in written
    for number in ("13900000040", "13900000041", "13900000042"):
        assert number not in written + result.stdout + result.stderr
