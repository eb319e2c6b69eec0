"""Account cancellation: a fresh SMS code, signed out at once, erased through the registry (D4, D5, E4)."""

import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from consent import registry, selectors, services, tasks
from consent.models import ConsentRecord, DataExport
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING
from onboarding.models import LearnerProfile, OutboundSms, User
from recommendations.models import Enrollment, PersonalizationPreference
from tests.factories import (
    DataExportFactory,
    EnrollmentFactory,
    LearnerFactory,
    LearnerProfileFactory,
    OutboundSmsFactory,
)
from tests.onboarding.helpers import last_code_for, signup

pytestmark = pytest.mark.django_db

PHONE = "+8613800138000"
NATIONAL = "13800138000"
CANCEL = reverse("consent:account_cancel")


@pytest.fixture
def learner(published):
    """A learner who signed up with PHONE and has something in every category."""
    from consent.services import consent_grant, policy_acknowledge
    from recommendations.services import personalization_set

    user = LearnerFactory(phone=PHONE)
    policy_acknowledge(user=user, surface="test")
    consent_grant(user=user, purpose=PROFILING, surface="test")
    consent_grant(user=user, purpose=PRODUCT_NEWS_SMS, surface="test")
    LearnerProfileFactory(user=user, occupation="teacher", learning_goal="travel", english_level="B2")
    EnrollmentFactory(user=user)
    personalization_set(user=user, enabled=False)
    DataExportFactory(user=user, content=f'{{"mobile_number": "{PHONE}"}}')
    return user


def _confirm_with_fresh_code(client, capture, user):
    """Press Cancel, then go through allauth's reauthentication by SMS code."""
    response = client.post(CANCEL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_request_reauthentication_code"))
    request_page = client.get(response["Location"])
    assert request_page.status_code == 200
    with capture(execute=True):
        sent = client.post(response["Location"], {"recipient": user.phone})
    assert sent.status_code == 302, sent.content.decode()
    code = last_code_for(PHONE)
    with capture(execute=True):
        return client.post(sent["Location"], {"code": code})


def _cancel(client, capture, user):
    client.force_login(user)
    response = _confirm_with_fresh_code(client, capture, user)
    assert response.status_code == 302
    assert response["Location"] == reverse("consent:account_cancelled")
    return response


def _text_columns_containing(needle: str) -> list[str]:
    """Every (table, column) of ANY table in the database whose text contains `needle`."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608 - names from introspection
                    f"WHERE CAST({name} AS TEXT) LIKE %s",
                    [f"%{needle}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


def test_the_cancellation_page_states_what_happens_and_asks_no_reason(client, learner):
    client.force_login(learner)

    response = client.get(CANCEL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "We do not ask why" in html
    assert "signed out at once" in html
    assert "freed at once" in html
    for category in registry.categories():
        assert str(category.label) in html
    form = re.search(rf'<form method="post" action="{CANCEL}"[^>]*>(.*?)</form>', html, flags=re.S).group(1)
    # No reason asked, no data asked: the CSRF token and one button.
    assert re.findall(r"<(input|select|textarea)\b[^>]*>", form) == ["input"]
    assert 'name="csrfmiddlewaretoken"' in form


def test_pressing_cancel_without_a_fresh_code_changes_nothing(client, learner):
    client.force_login(learner)

    response = client.post(CANCEL)

    learner.refresh_from_db()
    assert response["Location"].startswith(reverse("account_request_reauthentication_code"))
    assert learner.is_active
    assert learner.phone == PHONE
    assert LearnerProfile.objects.filter(user=learner).exists()


def test_being_signed_in_is_not_enough_the_code_must_be_fresh(
    client, learner, django_capture_on_commit_callbacks
):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CANCEL)
    wrong = client.post(reverse("account_confirm_reauthentication_code"), {"code": "000000"})

    assert wrong.status_code in (200, 302)
    learner.refresh_from_db()
    assert learner.is_active


def test_a_fresh_code_cancels_signs_out_and_erases_everything(
    client, learner, django_capture_on_commit_callbacks
):
    subject_id = learner.subject_id
    user_id = learner.pk

    _cancel(client, django_capture_on_commit_callbacks, learner)

    assert not User.objects.filter(pk=user_id).exists()
    assert not LearnerProfile.objects.filter(user_id=user_id).exists()
    assert not Enrollment.objects.filter(user_id=user_id).exists()
    assert not PersonalizationPreference.objects.filter(user_id=user_id).exists()
    assert not DataExport.objects.filter(user_id=user_id).exists()
    assert not OutboundSms.objects.filter(to=PHONE).exists()
    # Signed out at once: the next page is anonymous.
    assert client.get(reverse("consent:privacy_centre")).status_code == 302
    # The ledger stays, whole and unlinkable.
    assert ConsentRecord.objects.filter(subject_id=subject_id).exists()
    assert not User.objects.filter(subject_id=subject_id).exists()
    assert selectors.ledger_verify().ok


def test_after_cancellation_no_text_column_of_any_table_holds_the_number(
    client, learner, django_capture_on_commit_callbacks
):
    OutboundSmsFactory(to=PHONE, body="Queued before the cancellation")
    other_device = type(client)()
    other_device.force_login(learner)
    assert _text_columns_containing(NATIONAL)  # the scan finds the number while it is held

    _cancel(client, django_capture_on_commit_callbacks, learner)

    assert _text_columns_containing(NATIONAL) == []


def test_every_grant_ends_in_the_ledger_when_the_account_is_cancelled(
    client, learner, django_capture_on_commit_callbacks
):
    subject_id = learner.subject_id

    _cancel(client, django_capture_on_commit_callbacks, learner)

    last = {
        record.purpose: record.decision
        for record in ConsentRecord.objects.filter(subject_id=subject_id).order_by("sequence")
    }
    assert last[PROFILING] == "withdrawn"
    assert last[PRODUCT_NEWS_SMS] == "withdrawn"
    assert ConsentRecord.objects.filter(subject_id=subject_id, surface="account_cancellation").count() == 2


def test_other_sessions_are_refused_at_once_and_then_deleted(
    client, learner, django_capture_on_commit_callbacks, monkeypatch
):
    other_device = type(client)()
    other_device.force_login(learner)
    monkeypatch.setattr(tasks.account_erase_task, "delay", lambda user_id: None)

    _cancel(client, django_capture_on_commit_callbacks, learner)

    # Before the erasure task: deactivated, so the other browser is signed out too.
    assert other_device.get(reverse("consent:privacy_centre")).status_code == 302
    learner.refresh_from_db()
    assert (learner.is_active, learner.phone) == (False, None)

    tasks.account_erase_task.apply(args=[learner.pk])

    user_key = str(learner.pk)
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == user_key]


def test_the_number_is_free_for_a_new_signup_before_the_erasure_task_runs(
    client, learner, django_capture_on_commit_callbacks, monkeypatch, advance_clock
):
    old_subject = learner.subject_id
    monkeypatch.setattr(tasks.account_erase_task, "delay", lambda user_id: None)
    _cancel(client, django_capture_on_commit_callbacks, learner)
    advance_clock(seconds=61)  # the per-number SMS quota (F1) after the confirmation code

    signup(type(client)(), django_capture_on_commit_callbacks, "138 0013 8000")

    new = User.objects.get(phone=PHONE)
    assert new.pk != learner.pk
    assert new.subject_id != old_subject


def test_signing_up_again_with_the_same_number_starts_a_clean_account(
    client, learner, django_capture_on_commit_callbacks, advance_clock
):
    old_subject = learner.subject_id
    _cancel(client, django_capture_on_commit_callbacks, learner)
    advance_clock(seconds=61)  # the per-number SMS quota (F1) after the confirmation code
    again = type(client)()

    signup(again, django_capture_on_commit_callbacks, "138 0013 8000")
    with django_capture_on_commit_callbacks(execute=True):
        again.post(reverse("account_verify_phone"), {"code": last_code_for(PHONE)})

    new = User.objects.get(phone=PHONE)
    assert new.subject_id != old_subject
    assert not LearnerProfile.objects.filter(user=new).exists()
    assert not Enrollment.objects.filter(user=new).exists()
    assert not DataExport.objects.filter(user=new).exists()
    assert list(
        ConsentRecord.objects.filter(subject_id=new.subject_id).values_list("decision", flat=True)
    ) == ["acknowledged"]
    assert not selectors.consent_is_granted(user=new, purpose=PROFILING)


def test_the_cancelled_page_never_says_the_erasure_is_done(
    client, learner, django_capture_on_commit_callbacks
):
    response = _cancel(client, django_capture_on_commit_callbacks, learner)

    html = client.get(response["Location"]).content.decode()
    assert "being erased" in html
    assert "has been erased" not in html
    assert "have been erased" not in html


def test_the_erasure_task_is_idempotent(learner):
    from onboarding.services import user_deactivate_for_cancellation

    user_deactivate_for_cancellation(user=learner)

    assert tasks.account_erase_task.apply(args=[learner.pk]).get() is True
    assert tasks.account_erase_task.apply(args=[learner.pk]).get() is False
    assert not User.objects.filter(pk=learner.pk).exists()


def test_the_erasure_task_refuses_an_account_that_was_not_cancelled(learner):
    assert tasks.account_erase_task.apply(args=[learner.pk]).get() is False

    assert User.objects.filter(pk=learner.pk, is_active=True).exists()


def test_the_erasure_task_is_acknowledged_late_and_retried_with_backoff():
    task = tasks.account_erase_task

    assert task.acks_late is True
    assert task.reject_on_worker_lost is True
    assert task.retry_backoff
    assert task.autoretry_for


def test_an_erasure_interrupted_half_way_is_finished_by_the_retry(learner, monkeypatch):
    """The unit-level twin of the integration test with a killed worker."""
    import dataclasses

    from onboarding.services import user_deactivate_for_cancellation

    user_deactivate_for_cancellation(user=learner)
    original = registry.get("enrollments")

    def erase_then_crash(user):
        original.erase(user)
        raise SystemExit("worker killed")

    monkeypatch.setitem(
        registry._registry, "enrollments", dataclasses.replace(original, erase=erase_then_crash)
    )
    with pytest.raises(SystemExit):
        services.account_erase(user=learner)
    # The categories before the crash are erased; the one it hit rolled back
    # whole; the account is still there for the retry.
    assert not LearnerProfile.objects.filter(user=learner).exists()
    assert Enrollment.objects.filter(user=learner).exists()
    assert User.objects.filter(pk=learner.pk).exists()

    monkeypatch.setitem(registry._registry, "enrollments", original)
    assert tasks.account_erase_task.apply(args=[learner.pk]).get() is True

    assert not User.objects.filter(pk=learner.pk).exists()
    assert not apps.get_model("consent", "DataExport").objects.filter(user_id=learner.pk).exists()
