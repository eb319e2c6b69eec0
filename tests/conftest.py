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
