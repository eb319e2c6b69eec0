"""A worker killed in the middle of an account erasure: the task is redelivered and finished (D4).

Two real `celery worker` processes on the Redis broker and the test database:
the first runs with one registry eraser replaced by one that dies (os._exit)
half-way through the erasure, as a killed container would; the message was
acknowledged late, so it stays unacknowledged in Redis, and after the
broker's visibility timeout (CELERY_VISIBILITY_TIMEOUT, small here) a second,
normal worker receives it again and finishes the job.
"""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from config.celery import app as celery_app
from consent import selectors, services
from consent.models import ConsentRecord, DataExport
from consent.services import consent_grant, policy_acknowledge
from onboarding.consent_purposes import PROFILING
from onboarding.models import LearnerProfile, User
from recommendations.models import Enrollment
from tests.factories import DataExportFactory, EnrollmentFactory, LearnerFactory, LearnerProfileFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BASE_DIR = Path(settings.BASE_DIR)
VISIBILITY_TIMEOUT = 3
KILLER = textwrap.dedent(
    """
    import dataclasses
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()

    from consent import registry

    original = registry.get("enrollments")


    def erase_then_die(user):
        original.erase(user)
        # Killed inside this category's transaction: nothing of it commits,
        # but the categories erased before it (profile answers) have.
        os._exit(1)


    registry._registry["enrollments"] = dataclasses.replace(original, erase=erase_then_die)

    from config.celery import app

    app.worker_main(sys.argv[1:])
    """
)
WORKER_ARGS = [
    "worker",
    "--pool=solo",
    "--concurrency=1",
    "--loglevel=INFO",
    "--without-mingle",
    "--without-gossip",
]


def _test_database_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=_test_database_url(),
        REDIS_URL=os.environ["REDIS_URL"],
        DJANGO_DEBUG="true",
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY_TIMEOUT),
        PYTHONPATH=str(BASE_DIR),
        SMS_BACKEND="onboarding.sms.backends.locmem.SmsBackend",
    )
    return env


def _wait(condition, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return condition()


@pytest.fixture
def learner(db):
    services.notices_publish_all()
    user = LearnerFactory(phone="+8613800138000")
    policy_acknowledge(user=user, surface="test")
    consent_grant(user=user, purpose=PROFILING, surface="test")
    LearnerProfileFactory(user=user, occupation="teacher")
    EnrollmentFactory(user=user)
    DataExportFactory(user=user)
    return user


def test_an_erasure_killed_half_way_is_redelivered_and_finished_by_another_worker(learner, tmp_path):
    assert not celery_app.conf.task_always_eager
    celery_app.control.purge()
    killer_script = tmp_path / "killer_worker.py"
    killer_script.write_text(KILLER)
    log = open(tmp_path / "workers.log", "w")  # noqa: SIM115 - closed in finally
    workers: list[subprocess.Popen] = []
    try:
        with transaction.atomic():
            services.account_cancel(user=learner)

        killer = subprocess.Popen(
            [sys.executable, str(killer_script), *WORKER_ARGS],
            cwd=BASE_DIR,
            env=_worker_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        workers.append(killer)
        assert killer.wait(timeout=60) == 1, (tmp_path / "workers.log").read_text()

        # Killed half-way: answers erased, enrollments and the account still there.
        assert not LearnerProfile.objects.filter(user_id=learner.pk).exists()
        assert Enrollment.objects.filter(user_id=learner.pk).exists()
        assert User.objects.filter(pk=learner.pk, is_active=False).exists()

        # A worker that starts sooner would see a message not yet overdue, and
        # kombu rescans only every few minutes: start once it is overdue.
        time.sleep(VISIBILITY_TIMEOUT + 1)
        normal = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", *WORKER_ARGS],
            cwd=BASE_DIR,
            env=_worker_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        workers.append(normal)
        finished = _wait(lambda: not User.objects.filter(pk=learner.pk).exists(), seconds=90)
        assert finished, (tmp_path / "workers.log").read_text()[-4000:]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                try:
                    worker.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    worker.kill()
        log.close()

    assert not Enrollment.objects.filter(user_id=learner.pk).exists()
    assert not LearnerProfile.objects.filter(user_id=learner.pk).exists()
    assert not DataExport.objects.filter(user_id=learner.pk).exists()
    # The ledger stays, whole, and matches no account.
    assert selectors.ledger_verify().ok
    assert ConsentRecord.objects.filter(subject_id=learner.subject_id).exists()
