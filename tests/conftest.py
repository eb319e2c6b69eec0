import pytest
from django.core.cache import cache

from onboarding import sms


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
    skip = pytest.mark.skip(reason="needs DATABASE_URL=postgres://... and REDIS_URL (run by .ci/run)")
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(skip)
