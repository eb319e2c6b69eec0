"""Operator-created accounts meet the first-run gate through the API too (A2, A6)."""

import pytest

from consent.models import ConsentRecord
from tests.api.conftest import API, AppClient
from tests.factories import CourseFactory

IMPORTED_PHONE = "+8613900139000"

# Everything except the policy, the acknowledgment and the privacy centre.
GATED = [
    ("GET", f"{API}/consent/profiling", None),
    ("POST", f"{API}/consent/profiling", {"choice": "skip", "notice_version": 1}),
    ("GET", f"{API}/profile/questions", None),
    ("PUT", f"{API}/profile/answers/occupation", {"answer": "teacher"}),
    ("DELETE", f"{API}/profile/answers/occupation", None),
    ("POST", f"{API}/profile/questions/occupation/skip", None),
    ("POST", f"{API}/profile/questions/skip-rest", None),
    ("GET", f"{API}/recommendations", None),
    ("GET", f"{API}/recommendations/personalization", None),
    ("PUT", f"{API}/recommendations/personalization", {"enabled": False}),
    ("GET", f"{API}/courses", None),
    ("GET", f"{API}/courses/gate-course", None),
    ("PUT", f"{API}/courses/gate-course/enrollment", None),
    ("DELETE", f"{API}/courses/gate-course/enrollment", None),
]
OPEN = [
    f"{API}/notices",
    f"{API}/notices/privacy-policy",
    f"{API}/acknowledgment",
    f"{API}/next-step",
    f"{API}/privacy-centre",
    f"{API}/privacy-centre/history",
]


@pytest.fixture
def imported(imported_person, app) -> AppClient:
    """The operator-created person signs in by code through the API, for the first time."""
    response = app.login(IMPORTED_PHONE)
    assert response.status_code == 200, response.content
    return app


@pytest.mark.parametrize(("method", "path", "body"), GATED)
def test_every_product_endpoint_answers_acknowledgment_required(imported, method, path, body):
    CourseFactory(slug="gate-course")
    response = imported.request(method, path, body if body is not None else ({} if method != "GET" else None))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "acknowledgment_required"


@pytest.mark.parametrize("path", OPEN)
def test_the_policy_acknowledgment_and_rights_stay_open(imported, path):
    assert imported.get(path).status_code == 200


def test_next_step_says_acknowledgment_first(imported):
    assert imported.get(f"{API}/next-step").json() == {"next": "acknowledgment", "consent_purpose": None}
    assert imported.get(f"{API}/acknowledgment").json()["required"] is True


def test_acknowledging_records_the_version_shown_and_opens_the_product(imported, imported_person):
    policy = imported.get(f"{API}/acknowledgment").json()["policy"]
    response = imported.post(
        f"{API}/acknowledgment", {"privacy_policy_read": True, "policy_version": policy["id"]}
    )
    assert response.status_code == 201
    # Acknowledging is not consent: the separate consent step comes next (B1).
    assert response.json() == {"next": "consent_step", "consent_purpose": "profiling"}
    record = ConsentRecord.objects.get(subject_id=imported_person.subject_id)
    assert (record.decision, record.surface, record.notice_version_id) == (
        "acknowledged",
        "app",
        policy["id"],
    )
    assert imported.get(f"{API}/recommendations").status_code == 200


def test_a_stale_policy_version_is_a_409_with_the_current_one(imported, imported_person, published):
    current = imported.get(f"{API}/notices/privacy-policy").json()
    response = imported.post(
        f"{API}/acknowledgment", {"privacy_policy_read": True, "policy_version": current["id"] + 10_000}
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale_notice"
    assert body["current_notice"]["id"] == current["id"]
    assert not ConsentRecord.objects.filter(subject_id=imported_person.subject_id).exists()


def test_the_box_must_be_ticked(imported, imported_person):
    current = imported.get(f"{API}/notices/privacy-policy").json()
    response = imported.post(
        f"{API}/acknowledgment", {"privacy_policy_read": False, "policy_version": current["id"]}
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["privacy_policy_read"]
    assert not ConsentRecord.objects.filter(subject_id=imported_person.subject_id).exists()


def test_granting_in_the_privacy_centre_waits_for_the_acknowledgment(imported, imported_person):
    notice = imported.get(f"{API}/privacy-centre").json()["purposes"][2]["notice"]
    response = imported.post(f"{API}/privacy-centre/product_news_sms/grant", {"notice_version": notice["id"]})
    assert response.status_code == 403
    assert response.json()["code"] == "acknowledgment_required"
    assert not ConsentRecord.objects.filter(subject_id=imported_person.subject_id).exists()


def test_withdrawing_and_the_copy_do_not_wait_for_the_acknowledgment(imported):
    assert imported.post(f"{API}/privacy-centre/profiling/withdraw").status_code == 200
    assert imported.post(f"{API}/privacy-centre/exports").status_code == 202
