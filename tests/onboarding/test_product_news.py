"""Product news by SMS goes to current grantees only, and never uses profile answers (B6, C5)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consent.services import consent_decline, consent_grant, consent_withdraw, policy_acknowledge
from onboarding import sms
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING
from tests.factories import LearnerFactory, LearnerProfileFactory

pytestmark = pytest.mark.django_db

NEWS = PRODUCT_NEWS_SMS


def _person(**kwargs):
    user = LearnerFactory(**kwargs)
    policy_acknowledge(user=user, surface="test")
    return user


def test_news_reaches_current_grantees_only_and_the_command_says_how_many(
    notices_published, capsys, django_capture_on_commit_callbacks
):
    granted = _person()
    consent_grant(user=granted, purpose=NEWS, surface="test")
    withdrawn = _person()
    consent_grant(user=withdrawn, purpose=NEWS, surface="test")
    consent_withdraw(user=withdrawn, purpose=NEWS, surface="test")
    declined = _person()
    consent_decline(user=declined, purpose=NEWS, surface="test")
    profiling_only = _person()
    consent_grant(user=profiling_only, purpose=PROFILING, surface="test")
    _person()  # never decided

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_product_news", "New: business English course")

    assert [(m.to, m.body) for m in sms.outbox] == [
        (granted.phone, "【LearnRight】New: business English course 回复TD退订")
    ]
    assert "1 recipient(s)" in capsys.readouterr().out


def test_a_deactivated_account_gets_no_news(notices_published, django_capture_on_commit_callbacks):
    user = _person()
    consent_grant(user=user, purpose=NEWS, surface="test")
    user.is_active = False
    user.save(update_fields=["is_active"])

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_product_news", "Hello")

    assert sms.outbox == []


def test_news_never_reads_the_profile_answers(notices_published, django_capture_on_commit_callbacks):
    teacher = _person()
    consent_grant(user=teacher, purpose=NEWS, surface="test")
    consent_grant(user=teacher, purpose=PROFILING, surface="test")
    LearnerProfileFactory(user=teacher, occupation="teacher")
    other = _person()
    consent_grant(user=other, purpose=NEWS, surface="test")

    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        call_command("send_product_news", "Same for everyone")

    assert not any("learnerprofile" in query["sql"].lower() for query in queries.captured_queries)
    assert {m.body for m in sms.outbox} == {"【LearnRight】Same for everyone 回复TD退订"}
    assert len(sms.outbox) == 2


def test_an_empty_message_is_refused(notices_published):
    with pytest.raises(CommandError):
        call_command("send_product_news", "   ")
