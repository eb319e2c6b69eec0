"""The consent step by API: separate, two equal choices, nothing preselected, asked once (B1-B3, B5)."""

import pytest

from consent.models import ConsentRecord
from onboarding.models import User
from tests.api.conftest import API

PHONE = "+8613800138000"


def _decisions():
    user = User.objects.get(phone=PHONE)
    return list(
        ConsentRecord.objects.filter(subject_id=user.subject_id)
        .exclude(decision="acknowledged")
        .values_list("purpose", "decision", "surface", "notice_version_id")
    )


def test_the_step_offers_two_equal_choices_with_nothing_preselected(signed_in):
    step = signed_in.get(f"{API}/consent/profiling").json()
    assert [choice["value"] for choice in step["choices"]] == ["agree", "skip"]
    assert step["equal_weight"] is True
    assert step["preselected"] is None
    assert all(step["rendering"].values())
    assert step["due"] is True
    assert step["purpose"]["needs_consent"] is True
    assert step["notice"]["purpose"] == "profiling"


def test_agree_records_a_grant_on_the_notice_shown_with_surface_app(signed_in):
    notice = signed_in.get(f"{API}/consent/profiling").json()["notice"]
    response = signed_in.post(f"{API}/consent/profiling", {"choice": "agree", "notice_version": notice["id"]})
    assert response.status_code == 201
    assert response.json()["next"] == "profile_questions"
    assert response.json()["record"]["notice_sha256"] == notice["sha256"]
    assert _decisions() == [("profiling", "granted", "app", notice["id"])]


def test_skip_records_a_refusal_and_leads_to_the_product(signed_in):
    notice = signed_in.get(f"{API}/consent/profiling").json()["notice"]
    response = signed_in.post(f"{API}/consent/profiling", {"choice": "skip", "notice_version": notice["id"]})
    assert response.status_code == 201
    assert response.json()["next"] == "recommendations"
    assert _decisions() == [("profiling", "declined", "app", notice["id"])]
    # B5: a refusal is remembered; the step is not due again.
    assert signed_in.get(f"{API}/consent/profiling").json()["due"] is False
    assert signed_in.get(f"{API}/next-step").json()["next"] == "recommendations"


def test_a_stale_notice_is_a_409_with_the_current_one_and_records_nothing(signed_in, bump_profiling):
    old = signed_in.get(f"{API}/consent/profiling").json()["notice"]
    bump_profiling()
    response = signed_in.post(f"{API}/consent/profiling", {"choice": "agree", "notice_version": old["id"]})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale_notice"
    assert body["current_notice"]["version"] == "2.0"
    assert _decisions() == []


@pytest.mark.parametrize("body", [{}, {"choice": "agree"}, {"choice": "maybe", "notice_version": 1}])
def test_no_choice_is_never_consent(signed_in, body):
    response = signed_in.post(f"{API}/consent/profiling", body)
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    assert _decisions() == []


def test_product_news_has_no_consent_step_after_signup(signed_in):
    # B1, B6: it is offered in the privacy centre only.
    assert signed_in.get(f"{API}/consent/product_news_sms").status_code == 404


def test_the_step_needs_a_signed_in_person(app):
    response = app.get(f"{API}/consent/profiling")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
