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
