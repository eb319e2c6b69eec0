"""Withdrawal erases the answers through Redis and a real Celery worker (D3; run by .ci/run)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import transaction

from config.celery import app as celery_app
from onboarding.models import LearnerProfile
from tests.factories import LearnerProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_withdrawing_profiling_has_a_real_worker_delete_the_answers(granted_learner):
    from consent.services import consent_withdraw

    assert not celery_app.conf.task_always_eager
    LearnerProfileFactory(user=granted_learner, occupation="teacher", english_level="B1")

    with start_worker(celery_app, perform_ping_check=False, pool="solo", concurrency=1):
        with transaction.atomic():
            consent_withdraw(user=granted_learner, purpose="profiling", surface="test")
            # Still there inside the transaction: the receiver only enqueues on commit.
            assert LearnerProfile.objects.filter(user=granted_learner).exists()
        deadline = time.monotonic() + 20
        while LearnerProfile.objects.filter(user=granted_learner).exists() and time.monotonic() < deadline:
            time.sleep(0.1)

    assert not LearnerProfile.objects.filter(user=granted_learner).exists()
