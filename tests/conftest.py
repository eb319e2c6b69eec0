import pytest
from django.core.cache import cache

from onboarding import sms


@pytest.fixture(autouse=True)
def _tasks_in_process_unless_integration(request, monkeypatch):
    """Unit tests run tasks in-process even when REDIS_URL is set (the second
    .ci/run pass); tests marked integration use the real broker and worker."""
    if "integration" in request.keywords:
        return
    from config.celery import app as celery_app

    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a request in Chinese leaves its language
    active in the thread, and lazy messages read later would follow it."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _isolated_sms_and_cache(settings):
    # Rate limits live in the cache and codes in the outbox: each test starts clean.
    settings.SMS_BACKEND = "onboarding.sms.backends.locmem.SmsBackend"
    sms.outbox.clear()
    cache.clear()
    yield
    sms.outbox.clear()
    cache.clear()


@pytest.fixture
def outbox():
    return sms.outbox


def pytest_collection_modifyitems(config, items):
    """Integration tests need PostgreSQL, Redis and a worker: .ci/run provides them.

    They are skipped (with the reason shown) in `make test`, which needs only
    Python; .ci/run sets both URLs and runs them, so they cannot be skipped
    silently there.
    """
    import os

    from django.conf import settings

    has_services = bool(os.environ.get("REDIS_URL")) and settings.DATABASES["default"]["ENGINE"].endswith(
        "postgresql"
    )
    if has_services:
        return
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.exit("REQUIRE_SERVICES is set, but DATABASE_URL is not PostgreSQL or REDIS_URL is empty", 3)
    skip = pytest.mark.skip(reason="needs DATABASE_URL=postgres://... and REDIS_URL (run by .ci/run)")
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def advance_clock(monkeypatch):
    """Move time.time() forward: allauth's code expiry and rate limits read it."""
    import time

    real_time = time.time
    offset = {"seconds": 0.0}
    monkeypatch.setattr(time, "time", lambda: real_time() + offset["seconds"])

    def advance(*, seconds: float = 0, minutes: float = 0) -> None:
        offset["seconds"] += seconds + 60 * minutes

    return advance
