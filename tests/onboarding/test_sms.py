"""SMS leave through a Celery task, after commit, via a pluggable backend."""

import io
import json

import pytest
from django.db import transaction
from django.test import RequestFactory

from onboarding import services, sms
from onboarding.models import OutboundSms
from onboarding.sms.backends.console import SmsBackend as ConsoleBackend
from onboarding.sms.backends.filebased import SmsBackend as FileBackend

pytestmark = pytest.mark.django_db


def test_an_sms_leaves_only_after_the_transaction_commits(django_capture_on_commit_callbacks, outbox):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.sms_enqueue(to="+8613800138000", body="hello")
    assert outbox == []
    for callback in callbacks:
        callback()
    assert outbox == [sms.SmsMessage(to="+8613800138000", body="hello")]


def test_a_rolled_back_request_sends_nothing(django_capture_on_commit_callbacks, outbox):
    request = RequestFactory().post("/accounts/signup/")

    def failing_signup():
        with transaction.atomic():
            services.sms_send_verification_code(request=request, phone="+8613800138000", code="123456")
            raise RuntimeError("the signup failed after the code was generated")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        failing_signup()
    assert outbox == []
    assert not OutboundSms.objects.exists()


def test_a_delivered_sms_is_not_kept(django_capture_on_commit_callbacks, outbox):
    with django_capture_on_commit_callbacks(execute=True):
        services.sms_enqueue(to="+8613800138000", body="Your code is 123456")
    assert len(outbox) == 1
    assert not OutboundSms.objects.exists()


def test_the_task_argument_is_an_id_not_the_number():
    message = OutboundSms.objects.create(to="+8613800138000", body="x")
    from onboarding.tasks import send_sms_task

    signature = send_sms_task.s(message.pk)
    assert signature.args == (message.pk,)
    assert "+8613800138000" not in repr(signature)


def test_delivering_twice_sends_once(outbox):
    message = OutboundSms.objects.create(to="+8613800138000", body="x")
    assert services.sms_deliver(sms_id=message.pk) is True
    assert services.sms_deliver(sms_id=message.pk) is False
    assert len(outbox) == 1


def test_console_backend_prints_one_line_with_number_and_text():
    stream = io.StringIO()
    ConsoleBackend(stream=stream).send_messages([sms.SmsMessage(to="+8613800138000", body="Code\n123456")])
    assert stream.getvalue() == "[SMS to +8613800138000] Code 123456\n"


def test_filebased_backend_appends_json_lines(tmp_path):
    FileBackend(file_path=str(tmp_path)).send_messages(
        [sms.SmsMessage(to="+1", body="a"), sms.SmsMessage(to="+2", body="b")]
    )
    lines = (tmp_path / "outbox.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == [{"to": "+1", "body": "a"}, {"to": "+2", "body": "b"}]


def test_the_backend_is_chosen_by_dotted_path(settings):
    settings.SMS_BACKEND = "onboarding.sms.backends.console.SmsBackend"
    assert isinstance(sms.get_sms_backend(), ConsoleBackend)


def test_the_base_backend_must_be_subclassed():
    from onboarding.sms.backends.base import BaseSmsBackend

    with pytest.raises(NotImplementedError):
        BaseSmsBackend().send_messages([])
