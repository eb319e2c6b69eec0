"""Product news names its sender and can be refused by reply; a reply withdraws the grant (B9).

Every text starts with the sender signature and ends with 回复TD退订; a reply
TD, through the provider's webhook or the console command, is a withdrawal of
`product_news_sms` in the ledger, on its own surface, and the next send leaves
that person out.
"""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from consent import selectors
from consent.models import ConsentRecord
from consent.services import consent_grant, policy_acknowledge
from onboarding import services, sms
from onboarding.consent_purposes import PRODUCT_NEWS_SMS
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

NEWS = PRODUCT_NEWS_SMS
SECRET = "test-webhook-secret"


@pytest.fixture
def grantee(notices_published):
    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test")
    consent_grant(user=user, purpose=NEWS, surface="test")
    return user


@pytest.fixture
def webhook(settings):
    settings.SMS_INBOUND_SECRET = SECRET
    # A provider's server: no session, no CSRF cookie.
    return Client(enforce_csrf_checks=True)


def _post(webhook, *, secret=SECRET, **data):
    return webhook.post(reverse("onboarding:sms_inbound"), data, HTTP_X_SMS_WEBHOOK_SECRET=secret)


def test_every_product_news_text_starts_with_the_signature_and_ends_with_the_opt_out(
    grantee, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_product_news", "New: business English course")

    assert [m.body for m in sms.outbox] == ["【LearnRight】New: business English course 回复TD退订"]


def test_a_td_reply_through_the_webhook_is_a_withdrawal_on_its_own_surface(grantee, webhook):
    response = _post(webhook, **{"from": grantee.phone, "text": " td "})

    assert response.status_code == 200
    assert response.json() == {"outcome": "withdrawn"}
    assert not selectors.consent_is_granted(user=grantee, purpose=NEWS)
    latest = ConsentRecord.objects.filter(subject_id=grantee.subject_id, purpose=NEWS).last()
    assert (latest.decision, latest.surface) == ("withdrawn", services.SMS_REPLY_SURFACE)
    assert latest.surface_label == "Reply to a product-news text message"
    assert selectors.ledger_verify().ok


def test_after_a_td_reply_the_next_news_leaves_the_person_out(
    grantee, webhook, django_capture_on_commit_callbacks
):
    _post(webhook, **{"from": grantee.phone, "text": "退订"})

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_product_news", "Hello")

    assert sms.outbox == []


def test_the_console_command_records_the_same_withdrawal(grantee, capsys):
    call_command("receive_sms", "TD", "--from", grantee.phone)

    assert "withdrawn" in capsys.readouterr().out
    assert selectors.consent_current_decision(user=grantee, purpose=NEWS) == "withdrawn"


def test_a_reply_that_is_not_an_opt_out_changes_nothing(grantee, webhook):
    response = _post(webhook, **{"from": grantee.phone, "text": "hello, when does the course start?"})

    assert response.json() == {"outcome": "not_an_opt_out"}
    assert selectors.consent_is_granted(user=grantee, purpose=NEWS)


def test_an_opt_out_without_a_grant_or_from_an_unknown_number_records_nothing(notices_published, webhook):
    count = ConsentRecord.objects.count()

    assert _post(webhook, **{"from": "+8613900000999", "text": "TD"}).json() == {"outcome": "unknown_number"}
    assert ConsentRecord.objects.count() == count


def test_the_webhook_refuses_a_wrong_secret_with_403_and_records_nothing(grantee, webhook):
    response = _post(webhook, secret="guess", **{"from": grantee.phone, "text": "TD"})

    assert response.status_code == 403
    assert selectors.consent_is_granted(user=grantee, purpose=NEWS)


def test_the_webhook_is_off_without_a_secret(grantee, settings):
    settings.SMS_INBOUND_SECRET = ""

    response = Client().post(reverse("onboarding:sms_inbound"), {"from": grantee.phone, "text": "TD"})

    assert response.status_code == 404


def test_bad_webhook_input_is_a_400_not_a_500(grantee, webhook):
    assert _post(webhook, text="TD").status_code == 400
    assert _post(webhook, **{"from": "not a number", "text": "TD"}).status_code == 400


def test_the_command_refuses_an_invalid_number_clearly():
    with pytest.raises(CommandError):
        call_command("receive_sms", "TD", "--from", "12")


def test_only_the_webhook_view_is_exempt_from_csrf():
    from django.urls import get_resolver

    exempt = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif getattr(pattern.callback, "csrf_exempt", False):
                exempt.add(pattern.callback.__module__ + "." + pattern.callback.__name__)

    walk(get_resolver().url_patterns)
    # allauth's own views aside, ours: only the webhook. The app API (api.*,
    # its schema view) authenticates by the X-Session-Token header alone and
    # never by a cookie, so there is no CSRF to forge there
    # (tests/api/test_errors.py::test_a_browser_session_cookie_does_not_authenticate_the_api).
    token_only = ("allauth", "django", "api.", "drf_spectacular.")
    assert {name for name in exempt if not name.startswith(token_only)} == {"onboarding.views.sms_inbound"}
