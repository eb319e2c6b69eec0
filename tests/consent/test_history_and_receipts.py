"""My consent history and a Kantara consent receipt per record (E2)."""

import json

import pytest
from django.urls import reverse

from consent import selectors
from consent.services import consent_withdraw
from onboarding.consent_purposes import PROFILING
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

HISTORY = reverse("consent:consent_history")
KANTARA_FIELDS = {
    "version",
    "jurisdiction",
    "consentTimestamp",
    "collectionMethod",
    "consentReceiptID",
    "publicKey",
    "language",
    "piiPrincipalId",
    "piiControllers",
    "policyUrl",
    "services",
    "sensitive",
    "spiCat",
}


def test_the_history_lists_every_record_with_a_link_to_its_notice_version(client, granted_person):
    consent_withdraw(user=granted_person, purpose=PROFILING, surface="test")
    client.force_login(granted_person)

    response = client.get(HISTORY)

    html = response.content.decode()
    records = list(selectors.consent_records_for_user(user=granted_person))
    assert len(records) == 3
    for record in records:
        assert reverse("consent:privacy_policy_version", args=[record.notice_version_id]) in html
        assert reverse("consent:consent_receipt", args=[record.id]) in html
        assert f"version {record.notice_version.version}" in html
    for decision in ("Withdrawn", "Granted", "Acknowledged"):
        assert decision in html


def test_a_receipt_downloads_with_the_kantara_fields(client, granted_person):
    record = selectors.consent_records_for_user(user=granted_person).first()
    client.force_login(granted_person)

    response = client.get(reverse("consent:consent_receipt", args=[record.id]))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    receipt = json.loads(response.content)
    assert set(receipt) >= KANTARA_FIELDS
    assert receipt["consentReceiptID"] == str(record.id)
    assert receipt["piiPrincipalId"] == str(granted_person.subject_id)
    assert receipt["consentTimestamp"] == int(record.created_at.timestamp())
    assert receipt["sensitive"] is False
    assert receipt["language"] == record.language
    assert receipt["piiControllers"][0]["email"] == "privacy@learnright.example"
    assert receipt["policyUrl"].endswith(reverse("consent:privacy_policy"))
    service_purpose = receipt["services"][0]["purposes"][0]
    assert service_purpose["purposeCategory"] == [PROFILING]
    assert service_purpose["consentType"] == "EXPLICIT"
    assert receipt["decision"] == "granted"
    assert receipt["noticeVersion"] == record.notice_version.version
    assert receipt["noticeSha256"] == record.notice_sha256
    assert receipt["recordHash"] == record.record_hash


def test_nobody_can_download_someone_elses_receipt(client, granted_person):
    record = selectors.consent_records_for_user(user=granted_person).first()
    client.force_login(LearnerFactory())

    assert client.get(reverse("consent:consent_receipt", args=[record.id])).status_code == 404


def test_the_history_names_the_screen_in_words_not_codes(client, granted_person):
    consent_withdraw(user=granted_person, purpose=PROFILING, surface="privacy_centre")
    client.force_login(granted_person)

    html = client.get(HISTORY).content.decode()

    assert '<dd class="col-sm-8">Privacy centre</dd>' in html
    assert "privacy_centre</" not in html


def test_the_history_is_a_list_of_cards_not_a_wide_table(client, granted_person):
    # On a phone a six-column table wrapped 已/同/意 one character per line.
    client.force_login(granted_person)

    html = client.get(HISTORY).content.decode()

    assert "<table" not in html
    assert 'class="list-unstyled consent-history"' in html
    assert "<dt" in html
