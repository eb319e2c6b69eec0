"""Retention: the schedule purges what has expired, and nothing else (E4)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from consent import services
from consent.models import ConsentRecord, DataExport, StaffAccessLogEntry
from consent.services import policy_acknowledge
from onboarding.models import OutboundSms, User
from tests.factories import DataExportFactory, LearnerFactory, OutboundSmsFactory

pytestmark = pytest.mark.django_db

DAYS_AGO_8 = timezone.now() - timedelta(days=8)
DAYS_AGO_6 = timezone.now() - timedelta(days=6)


def test_the_beat_schedule_runs_the_retention_task():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "consent.tasks.retention_purge_task" in tasks


def test_an_unverified_signup_older_than_7_days_is_erased_with_its_data(published):
    stale = LearnerFactory(phone_verified=False, date_joined=DAYS_AGO_8)
    policy_acknowledge(user=stale, surface="test")
    DataExportFactory(user=stale)

    services.retention_purge()

    assert not User.objects.filter(pk=stale.pk).exists()
    assert not DataExport.objects.filter(user_id=stale.pk).exists()
    # Its acknowledgment stays in the ledger, unlinkable.
    assert ConsentRecord.objects.filter(subject_id=stale.subject_id).exists()


def test_recent_verified_imported_and_staff_accounts_are_kept():
    recent = LearnerFactory(phone_verified=False, date_joined=DAYS_AGO_6)
    verified = LearnerFactory(phone_verified=True, date_joined=DAYS_AGO_8)
    imported = LearnerFactory(phone_verified=False, date_joined=DAYS_AGO_8, origin=User.Origin.IMPORT)
    added = LearnerFactory(phone_verified=False, date_joined=DAYS_AGO_8, origin=User.Origin.ADMIN)

    services.retention_purge()

    assert set(User.objects.values_list("pk", flat=True)) == {recent.pk, verified.pk, imported.pk, added.pk}


def test_expired_exports_are_purged_and_live_ones_kept():
    expired = DataExportFactory(expires_at=timezone.now() - timedelta(seconds=1))
    live = DataExportFactory()

    counts = services.retention_purge()

    assert list(DataExport.objects.values_list("pk", flat=True)) == [live.pk]
    assert counts["data_exports"] == 1
    assert not DataExport.objects.filter(pk=expired.pk).exists()


def test_sms_left_queued_for_more_than_a_day_is_purged():
    old = OutboundSmsFactory(created_at=timezone.now() - timedelta(days=1, minutes=1))
    fresh = OutboundSmsFactory()

    services.retention_purge()

    assert list(OutboundSms.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert old.pk != fresh.pk


def test_expired_sessions_are_cleared_and_live_ones_kept():
    live = SessionStore()
    live["x"] = 1
    live.create()
    expired = SessionStore()
    expired["x"] = 1
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(expire_date=timezone.now() - timedelta(1))

    services.retention_purge()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_staff_access_entries_older_than_3_years_are_purged_and_younger_kept():
    staff = LearnerFactory(is_staff=True)
    person = LearnerFactory()
    old = services.staff_access_record(staff=staff, subject=person, page="test")
    ancient = StaffAccessLogEntry(
        staff_subject_id=staff.subject_id,
        subject_id=person.subject_id,
        page="test",
        created_at=timezone.now() - timedelta(days=3 * 365 + 1),
    )
    ancient.save()

    services.retention_purge()

    assert list(StaffAccessLogEntry.objects.values_list("pk", flat=True)) == [old.pk]


def test_the_management_command_applies_the_same_retention(capsys):
    DataExportFactory(expires_at=timezone.now() - timedelta(seconds=1))

    call_command("purge_expired_personal_data")

    assert not DataExport.objects.exists()
    assert "data_exports: 1" in capsys.readouterr().out


def test_an_operator_created_account_never_signed_in_is_erased_after_90_days(published):
    # A7: an institution's import or a staff member's addition is not kept
    # forever for someone who never came.
    old = timezone.now() - timedelta(days=91)
    imported = LearnerFactory(phone_verified=False, date_joined=old, origin=User.Origin.IMPORT)
    added = LearnerFactory(phone_verified=False, date_joined=old, origin=User.Origin.ADMIN)

    counts = services.retention_purge()

    assert not User.objects.filter(pk__in=[imported.pk, added.pk]).exists()
    assert counts["account:expired_accounts"] == 2


def test_an_operator_created_account_signed_in_once_or_younger_than_90_days_is_kept(published):
    old = timezone.now() - timedelta(days=400)
    used = LearnerFactory(
        phone_verified=True, date_joined=old, origin=User.Origin.IMPORT, last_login=old + timedelta(days=1)
    )
    young = LearnerFactory(
        phone_verified=False, date_joined=timezone.now() - timedelta(days=89), origin=User.Origin.IMPORT
    )

    services.retention_purge()

    assert set(User.objects.values_list("pk", flat=True)) == {used.pk, young.pk}


def test_an_imported_account_left_400_days_does_not_survive_the_purge_command(published):
    imported = LearnerFactory(
        phone_verified=False, date_joined=timezone.now() - timedelta(days=400), origin=User.Origin.IMPORT
    )

    call_command("purge_expired_personal_data")

    assert not User.objects.filter(pk=imported.pk).exists()
