"""An SMS travels through Redis to a real Celery worker (run by .ci/run)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from config.celery import app as celery_app
from onboarding import services, sms
from onboarding.models import OutboundSms

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_an_sms_task_is_delivered_by_a_real_worker_over_the_redis_broker(settings):
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    assert not celery_app.conf.task_always_eager
    with start_worker(celery_app, perform_ping_check=False, pool="solo", concurrency=1):
        with transaction.atomic():
            message = services.sms_enqueue(to="+8613800138000", body="Your code is 123456")
        deadline = time.monotonic() + 20
        while not sms.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
    assert sms.outbox == [sms.SmsMessage(to="+8613800138000", body="Your code is 123456")]
    assert not OutboundSms.objects.filter(pk=message.pk).exists()
