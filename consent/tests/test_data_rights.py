"""Copy of my data and cancellation, with the in-process runner and Django's password check (D1, D4, D5)."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from consent import services
from consent.models import ConsentRecord, ConsentSubject, DataExport
from consent.tests.conftest import PASSWORD
from consent.tests.hostapp.models import Topic

pytestmark = pytest.mark.django_db


def test_a_copy_is_built_in_process_and_downloads_with_the_hosts_data(signed_in, member, run_on_commit):
    Topic.objects.create(user=member, name="gardening")

    with run_on_commit(execute=True):
        response = signed_in.post(reverse("consent:export_request"))

    export = DataExport.objects.get(user=member)
    assert response["Location"] == export.get_absolute_url()
    assert export.status == DataExport.Status.READY
    download = signed_in.get(reverse("consent:export_download", args=[export.pk]))
    document = json.loads(download.content)
    assert download["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert document["categories"]["account"]["data"]["username"] == member.username
    assert document["categories"]["topics"]["data"] == [{"topic": "gardening"}]
    assert document["controller"]["piiController"] == "Example Ltd"


def test_a_build_that_fails_is_marked_failed_and_asking_again_starts_a_new_one(
    signed_in, member, monkeypatch, run_on_commit
):
    def broken(*, export_id):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "data_export_build", broken)
    with run_on_commit(execute=True):
        signed_in.post(reverse("consent:export_request"))
    failed = DataExport.objects.get(user=member)
    assert failed.status == DataExport.Status.FAILED
    assert "could not prepare your file" in signed_in.get(failed.get_absolute_url()).content.decode()

    monkeypatch.undo()
    with run_on_commit(execute=True):
        signed_in.post(reverse("consent:export_request"))

    fresh = DataExport.objects.exclude(pk=failed.pk).get(user=member)
    assert fresh.status == DataExport.Status.READY


def test_a_stalled_copy_is_never_reused_and_says_it_failed(signed_in, member, run_on_commit):
    # Its task was lost (no worker, a crash): still "pending" an hour later.
    stalled = DataExport.objects.create(
        user=member,
        created_at=timezone.now() - timedelta(hours=1),
        expires_at=timezone.now() + timedelta(days=6),
    )
    page = signed_in.get(stalled.get_absolute_url())
    assert "could not prepare your file" in page.content.decode()
    assert "Refresh" not in page

    with run_on_commit(execute=True):
        signed_in.post(reverse("consent:export_request"))

    stalled.refresh_from_db()
    assert stalled.status == DataExport.Status.FAILED
    assert DataExport.objects.filter(user=member, status=DataExport.Status.READY).count() == 1


def test_an_export_in_progress_and_recent_is_reused(member):
    first = DataExport.objects.create(user=member, expires_at=timezone.now() + timedelta(days=7))

    assert services.data_export_request(user=member) == first


def test_cancellation_asks_for_the_password_and_a_wrong_one_changes_nothing(signed_in, member):
    page = signed_in.get(reverse("consent:account_cancel")).content.decode()
    assert 'type="password"' in page

    response = signed_in.post(reverse("consent:account_cancel"), {"password": "wrong"})

    assert response.status_code == 400
    assert "That password is not correct." in response.content.decode()
    member.refresh_from_db()
    assert member.is_active


def test_cancellation_with_the_password_signs_out_and_erases_everything_but_the_ledger(
    signed_in, member, run_on_commit
):
    services.consent_grant(user=member, purpose="newsletter", surface="consent_screen")
    Topic.objects.create(user=member, name="gardening")
    subject_id = ConsentSubject.objects.get(user=member).subject_id

    with run_on_commit(execute=True):
        response = signed_in.post(reverse("consent:account_cancel"), {"password": PASSWORD})

    assert response["Location"] == reverse("consent:account_cancelled")
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Topic.objects.exists()
    assert not ConsentSubject.objects.exists()
    # The grant ended with the account; the records stay, unlinkable, and verify.
    assert ConsentRecord.objects.filter(subject_id=subject_id).latest("sequence").decision == "withdrawn"
    call_command("verify_consent_ledger")
    assert signed_in.get(reverse("consent:privacy_centre"))["Location"].startswith(reverse("login"))


def test_verify_consent_ledger_names_a_record_altered_behind_the_apps_back(member):
    record = services.consent_grant(user=member, purpose="newsletter", surface="consent_screen")
    call_command("verify_consent_ledger")

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE consent_consentrecord SET decision = 'declined' WHERE id = %s", [record.id.hex]
        )

    with pytest.raises(CommandError, match=str(record.id)):
        call_command("verify_consent_ledger")
