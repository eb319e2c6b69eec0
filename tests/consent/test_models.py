"""The ledger and the published notices cannot be changed or deleted through the ORM (REQUIREMENTS E1)."""

import pytest

from consent.models import ConsentRecord, ImmutableRecordError, NoticeVersion
from consent.services import consent_grant
from onboarding.consent_purposes import PROFILING

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(person):
    return consent_grant(user=person, purpose=PROFILING, surface="test")


def test_saving_an_existing_record_raises(record):
    record.decision = "declined"
    with pytest.raises(ImmutableRecordError):
        record.save()
    assert ConsentRecord.objects.get(pk=record.pk).decision == "granted"


def test_deleting_a_record_raises(record):
    with pytest.raises(ImmutableRecordError):
        record.delete()
    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_queryset_update_raises(record):
    with pytest.raises(ImmutableRecordError):
        ConsentRecord.objects.filter(pk=record.pk).update(decision="declined")
    assert ConsentRecord.objects.get(pk=record.pk).decision == "granted"


def test_queryset_delete_raises(record):
    with pytest.raises(ImmutableRecordError):
        ConsentRecord.objects.all().delete()
    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_bulk_create_cannot_bypass_the_chain(record):
    with pytest.raises(ImmutableRecordError):
        ConsentRecord.objects.bulk_create([ConsentRecord()])


def test_a_published_notice_cannot_be_edited_or_deleted(published):
    notice_version = NoticeVersion.objects.first()
    notice_version.text = "Something else"
    with pytest.raises(ImmutableRecordError):
        notice_version.save()
    with pytest.raises(ImmutableRecordError):
        NoticeVersion.objects.filter(pk=notice_version.pk).update(text="Something else")
    with pytest.raises(ImmutableRecordError):
        NoticeVersion.objects.filter(pk=notice_version.pk).delete()
