"""Rights by API: privacy centre, decisions, history, receipts, copy, cancellation (B6, B7, D1-D5, E2)."""

import json

import pytest

from consent.models import ConsentRecord, DataExport
from onboarding.models import LearnerProfile, User
from tests.api.conftest import API, AUTH, AppClient
from tests.factories import DataExportFactory, LearnerFactory
from tests.onboarding.helpers import last_code_for

PHONE = "+8613800138000"


def _states(client) -> dict:
    return {row["purpose"]["code"]: row for row in client.get(f"{API}/privacy-centre").json()["purposes"]}


def test_the_privacy_centre_lists_every_purpose_with_its_state(signed_in):
    states = _states(signed_in)
    assert set(states) == {"account", "profiling", "product_news_sms"}
    assert states["account"]["notice"] is None
    assert not states["account"]["purpose"]["needs_consent"]
    assert states["product_news_sms"]["granted"] is False
    assert states["product_news_sms"]["notice"]["purpose"] == "product_news_sms"


def test_each_purpose_is_granted_and_withdrawn_alone(signed_in):
    notice = _states(signed_in)["product_news_sms"]["notice"]
    granted = signed_in.post(f"{API}/privacy-centre/product_news_sms/grant", {"notice_version": notice["id"]})
    assert granted.status_code == 200
    assert granted.json()["granted"] is True
    assert _states(signed_in)["profiling"]["granted"] is False  # B6: nothing bundled
    withdrawn = signed_in.post(f"{API}/privacy-centre/product_news_sms/withdraw")
    assert withdrawn.json()["decision"] == "withdrawn"
    user = User.objects.get(phone=PHONE)
    surfaces = ConsentRecord.objects.filter(subject_id=user.subject_id, purpose="product_news_sms")
    assert list(surfaces.order_by("sequence").values_list("decision", "surface")) == [
        ("granted", "app"),
        ("withdrawn", "app"),
    ]


def test_granting_on_a_stale_notice_is_a_409(signed_in, bump_profiling):
    old = _states(signed_in)["profiling"]["notice"]
    bump_profiling()
    response = signed_in.post(f"{API}/privacy-centre/profiling/grant", {"notice_version": old["id"]})
    assert response.status_code == 409
    assert response.json()["current_notice"]["version"] == "2.0"


def test_withdrawing_profiling_erases_the_answers(granted):
    granted.put(f"{API}/profile/answers/english_level", {"answer": "B1"})
    assert LearnerProfile.objects.exists()
    response = granted.post(f"{API}/privacy-centre/profiling/withdraw")
    assert response.json()["granted"] is False
    assert not LearnerProfile.objects.exists()
    # D5: "deleted" is said only once the erasure has run.
    assert _states(granted)["profiling"]["data_state"] == "deleted"


def test_the_account_purpose_cannot_be_withdrawn(signed_in):
    assert signed_in.post(f"{API}/privacy-centre/account/withdraw").status_code == 404


def test_history_and_receipts(signed_in):
    history = signed_in.get(f"{API}/privacy-centre/history").json()
    assert [row["decision"] for row in history] == ["acknowledged"]
    receipt = signed_in.get(history[0]["receipt_url"]).json()
    assert receipt["consentReceiptID"] == history[0]["id"]
    assert receipt["noticeSha256"] == history[0]["notice_sha256"]


def test_someone_elses_receipt_is_a_404(signed_in):
    other = LearnerFactory()
    from consent.services import policy_acknowledge

    record = policy_acknowledge(user=other, surface="test")
    assert signed_in.get(f"{API}/privacy-centre/history/{record.id}/receipt").status_code == 404
    assert signed_in.get(f"{API}/privacy-centre/history/not-a-uuid/receipt").status_code == 404


def test_a_copy_is_requested_polled_and_downloaded(granted):
    granted.put(f"{API}/profile/answers/english_level", {"answer": "B1"})
    requested = granted.post(f"{API}/privacy-centre/exports")
    assert requested.status_code == 202
    export_id = requested.json()["id"]
    status = granted.get(f"{API}/privacy-centre/exports/{export_id}").json()
    assert (status["status"], status["progress"]) == ("ready", 100)
    download = granted.get(status["download_url"])
    assert download.status_code == 200
    assert download["Cache-Control"] == "no-store, private"
    document = json.loads(download.content)
    assert "B1" in json.dumps(document["categories"]["profile_answers"]["data"])


def test_someone_elses_copy_is_a_404(signed_in):
    export = DataExportFactory()
    assert signed_in.get(f"{API}/privacy-centre/exports/{export.pk}").status_code == 404
    assert signed_in.get(f"{API}/privacy-centre/exports/{export.pk}/download").status_code == 404
    assert DataExport.objects.filter(pk=export.pk).exists()


def test_cancellation_needs_a_fresh_code(signed_in):
    response = signed_in.post(f"{API}/privacy-centre/cancel-account")
    assert response.status_code == 401
    assert response.json()["code"] == "reauthentication_required"
    assert User.objects.get(phone=PHONE).is_active


def test_cancellation_after_a_fresh_code_signs_out_and_frees_the_number(granted, advance_clock):
    granted.put(f"{API}/profile/answers/english_level", {"answer": "B1"})
    advance_clock(seconds=61)  # one SMS a minute per number (F1)
    assert granted.post(f"{AUTH}/auth/reauthenticate/code/request", {"phone": PHONE}).status_code == 200
    confirmed = granted.post(f"{AUTH}/auth/reauthenticate/code/confirm", {"code": last_code_for(PHONE)})
    assert confirmed.status_code == 200
    response = granted.post(f"{API}/privacy-centre/cancel-account")
    assert response.status_code == 202
    assert response.json() == {"status": "cancelled", "erasure": "in_progress"}
    assert not User.objects.filter(phone=PHONE).exists()
    assert not LearnerProfile.objects.exists()
    # The token is dead at once (D4).
    assert granted.get(f"{API}/privacy-centre").status_code == 401
    # Grants still standing were withdrawn in the ledger before the erasure.
    assert ConsentRecord.objects.filter(purpose="profiling", decision="withdrawn").exists()


def test_signing_up_again_with_the_same_number_starts_clean(granted, advance_clock):
    advance_clock(seconds=61)
    granted.post(f"{AUTH}/auth/reauthenticate/code/request", {"phone": PHONE})
    granted.post(f"{AUTH}/auth/reauthenticate/code/confirm", {"code": last_code_for(PHONE)})
    granted.post(f"{API}/privacy-centre/cancel-account")
    advance_clock(seconds=61)
    again = AppClient(capture=granted.capture)
    assert again.signup(PHONE).status_code == 200
    assert again.get(f"{API}/next-step").json()["next"] == "consent_step"


@pytest.mark.parametrize(
    "path",
    [f"{API}/privacy-centre", f"{API}/privacy-centre/history", f"{API}/privacy-centre/exports/x"],
)
def test_rights_need_a_signed_in_person(app, path):
    assert app.get(path).status_code == 401


def test_past_the_copy_limit_the_answer_is_a_429_with_retry_after(signed_in):
    from consent.selectors import EXPORT_LIMIT

    user = User.objects.get(phone=PHONE)
    from datetime import timedelta

    from django.utils import timezone

    old = timezone.now() - timedelta(hours=1)
    for _ in range(EXPORT_LIMIT):
        DataExport.objects.filter(pk=DataExportFactory(user=user).pk).update(created_at=old)
    response = signed_in.post(f"{API}/privacy-centre/exports")
    assert response.status_code == 429
    assert response.json()["code"] == "rate_limited"
    assert int(response["Retry-After"]) > 0


def test_the_web_history_names_the_app_as_the_screen_of_an_api_decision(signed_in, client):
    notice = _states(signed_in)["product_news_sms"]["notice"]
    signed_in.post(f"{API}/privacy-centre/product_news_sms/grant", {"notice_version": notice["id"]})
    from django.urls import reverse

    client.force_login(User.objects.get(phone=PHONE))
    page = client.get(reverse("consent:consent_history")).content.decode()
    assert '<dd class="col-sm-8">App</dd>' in page
