"""Behind a trusted proxy, limits and the ledger see the client's address, not the proxy's (F1, E1)."""

import pytest
from django.test import Client
from django.urls import reverse

from consent.models import ConsentRecord
from tests.onboarding.helpers import request_login_code

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    # One code request per minute per address, to see whose address counts.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "request_login_code": "1/m/ip"}


def _from(client_ip: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_ip)


def test_two_clients_behind_one_proxy_have_limits_of_their_own(
    behind_one_proxy, django_capture_on_commit_callbacks
):
    first = request_login_code(_from("203.0.113.7"), django_capture_on_commit_callbacks, "+8613800138001")
    second = request_login_code(_from("198.51.100.9"), django_capture_on_commit_callbacks, "+8613800138002")

    assert first.status_code == 302
    assert second.status_code == 302


def test_one_client_behind_the_proxy_is_still_limited(behind_one_proxy, django_capture_on_commit_callbacks):
    request_login_code(_from("203.0.113.7"), django_capture_on_commit_callbacks, "+8613800138001")

    again = request_login_code(_from("203.0.113.7"), django_capture_on_commit_callbacks, "+8613800138002")

    # allauth refuses on the form itself: no redirect to the code step.
    assert again.status_code != 302


def test_a_spoofed_leftmost_address_is_not_trusted(behind_one_proxy):
    from onboarding.network import client_ip

    request = _from("1.2.3.4, 203.0.113.7").get("/").wsgi_request

    assert client_ip(request) == "203.0.113.7"


def test_the_ledger_records_the_clients_truncated_address_not_the_proxys(behind_one_proxy, learner):
    from consent import selectors as consent_selectors

    client = _from("203.0.113.7")
    client.force_login(learner)
    notice = consent_selectors.purpose_notice_current(purpose="product_news_sms")

    client.post(
        reverse("consent:privacy_centre_decide"),
        {"purpose": "product_news_sms", "action": "grant", "notice_version": notice.pk},
    )

    record = ConsentRecord.objects.filter(subject_id=learner.subject_id).latest("sequence")
    assert record.decision == "granted"
    assert record.ip_truncated == "203.0.113.0/24"
