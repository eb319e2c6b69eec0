"""Phone signup and sign-in for app clients through allauth headless (A1-A3, F1, F2, G1)."""

import pytest

from consent.models import ConsentRecord
from onboarding import sms
from onboarding.models import User
from tests.api.conftest import API, AUTH, AppClient
from tests.onboarding.helpers import last_code_for

PHONE = "+8613800138000"


def test_config_reports_phone_login_by_code(app):
    body = app.get(f"{AUTH}/config").json()["data"]["account"]
    assert body["login_methods"] == ["phone"]
    assert body["login_by_code_enabled"] is True
    assert body["is_open_for_signup"] is True


def test_the_privacy_policy_is_readable_before_signup_without_a_token(app):
    response = app.get(f"{API}/notices/privacy-policy")
    assert response.status_code == 200
    assert response.json()["kind"] == "privacy_policy"
    assert not User.objects.exists()


def test_signup_by_phone_records_the_acknowledgment_of_the_version_shown_with_surface_app(app):
    policy = app.get(f"{API}/notices/privacy-policy").json()
    response = app.signup("138 0013 8000", policy_version=policy["id"])
    assert response.status_code == 200, response.content
    assert response.json()["meta"]["is_authenticated"] is True
    assert app.token
    user = User.objects.get(phone=PHONE)
    assert user.phone_verified
    record = ConsentRecord.objects.get(subject_id=user.subject_id)
    assert (record.decision, record.surface, record.notice_version_id) == (
        "acknowledged",
        "app",
        policy["id"],
    )
    assert record.notice_sha256 == policy["sha256"]


def test_signup_without_the_ticked_box_creates_nothing_and_sends_nothing(app):
    policy = app.get(f"{API}/notices/privacy-policy").json()
    response = app.post(f"{AUTH}/auth/signup", {"phone": PHONE, "policy_version": policy["id"]})
    assert response.status_code == 400
    assert {error.get("param") for error in response.json()["errors"]} == {"privacy_policy_read"}
    assert not User.objects.exists()
    assert not sms.outbox


def test_signup_with_a_stale_policy_version_is_refused(app, published):
    old_version = published[0].notice_version.pk + 10_000  # no such current policy
    response = app.post(
        f"{AUTH}/auth/signup", {"phone": PHONE, "privacy_policy_read": True, "policy_version": old_version}
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(e["param"], e["code"]) for e in errors] == [("policy_version", "stale_notice")]
    assert not User.objects.exists()


def test_signup_asks_for_the_phone_and_nothing_else(app):
    policy = app.get(f"{API}/notices/privacy-policy").json()
    response = app.post(
        f"{AUTH}/auth/signup",
        {
            "phone": PHONE,
            "privacy_policy_read": True,
            "policy_version": policy["id"],
            "occupation": "student",
        },
    )
    assert response.status_code == 401  # the code step; the extra field is ignored, never stored
    pending = [flow for flow in response.json()["data"]["flows"] if flow.get("is_pending")]
    assert [flow["id"] for flow in pending] == ["verify_phone"]
    from onboarding.models import LearnerProfile

    assert not LearnerProfile.objects.exists()


def test_login_by_code_through_the_api(signed_in, advance_clock):
    advance_clock(seconds=61)  # the per-number SMS quota of the signup code (F1)
    again = AppClient(capture=signed_in.capture)
    response = again.login(PHONE)
    assert response.status_code == 200
    assert again.token
    assert again.token != signed_in.token
    assert again.get(f"{API}/next-step").json()["next"] == "consent_step"


def test_a_second_code_within_a_minute_is_a_json_429_and_leaves_no_account(app):
    policy = app.get(f"{API}/notices/privacy-policy").json()
    first = app.post(
        f"{AUTH}/auth/signup", {"phone": PHONE, "privacy_policy_read": True, "policy_version": policy["id"]}
    )
    assert first.status_code == 401
    other = AppClient(capture=app.capture)
    response = other.post(f"{AUTH}/auth/code/request", {"phone": PHONE})
    assert response.status_code == 429
    assert response.json()["errors"][0]["code"] == "rate_limited"
    assert len([m for m in sms.outbox if m.to == PHONE]) == 1


def test_a_signup_refused_by_the_sms_limit_creates_no_account(app):
    other = AppClient(capture=app.capture)
    assert other.post(f"{AUTH}/auth/code/request", {"phone": PHONE}).status_code == 401
    policy = app.get(f"{API}/notices/privacy-policy").json()
    response = app.post(
        f"{AUTH}/auth/signup", {"phone": PHONE, "privacy_policy_read": True, "policy_version": policy["id"]}
    )
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert not User.objects.exists()


def test_login_does_not_reveal_whether_a_number_is_registered(signed_in, advance_clock):
    advance_clock(seconds=61)
    known = AppClient(capture=signed_in.capture).post(f"{AUTH}/auth/code/request", {"phone": PHONE})
    unknown = AppClient(capture=signed_in.capture).post(
        f"{AUTH}/auth/code/request", {"phone": "+8613700137000"}
    )
    assert known.status_code == unknown.status_code == 401
    assert _flow_ids(known) == _flow_ids(unknown)
    # The unknown number is told by SMS, not on screen (F2).
    assert any(m.to == "+8613700137000" and "no account" in m.body for m in sms.outbox)


def test_signup_with_a_registered_number_looks_like_a_new_signup(signed_in, advance_clock):
    advance_clock(seconds=61)
    newcomer = AppClient(capture=signed_in.capture)
    policy = newcomer.get(f"{API}/notices/privacy-policy").json()
    response = newcomer.post(
        f"{AUTH}/auth/signup", {"phone": PHONE, "privacy_policy_read": True, "policy_version": policy["id"]}
    )
    assert response.status_code == 401
    assert _flow_ids(response) == ["verify_phone"]
    assert User.objects.filter(phone=PHONE).count() == 1


def test_a_wrong_code_five_times_ends_the_attempt(app):
    policy = app.get(f"{API}/notices/privacy-policy").json()
    app.post(
        f"{AUTH}/auth/signup", {"phone": PHONE, "privacy_policy_read": True, "policy_version": policy["id"]}
    )
    right = last_code_for(PHONE)
    wrong = "000000" if right != "000000" else "111111"
    statuses = [app.post(f"{AUTH}/auth/phone/verify", {"code": wrong}).status_code for _ in range(5)]
    assert statuses[0] == 400
    assert app.post(f"{AUTH}/auth/phone/verify", {"code": right}).status_code != 200


def test_an_unknown_session_token_is_a_401_problem(app):
    app.token = "not-a-real-token"
    response = app.get(f"{API}/next-step")
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_session_token"


def test_no_cookie_is_set_for_an_app_client(signed_in):
    for path in (f"{API}/next-step", f"{API}/recommendations", f"{API}/privacy-centre"):
        response = signed_in.get(path)
        assert response.status_code == 200
        assert not response.cookies, path


def _flow_ids(response) -> list[str]:
    return [flow["id"] for flow in response.json()["data"]["flows"] if flow.get("is_pending")]


@pytest.mark.parametrize(
    "path",
    [
        "/auth/login",
        "/auth/password/request",
        "/auth/password/reset",
        "/account/password/change",
        "/account/email",
        "/auth/email/verify",
        "/tokens/refresh",
        "/auth/reauthenticate",
    ],
)
def test_password_email_and_token_refresh_endpoints_do_not_exist(app, path):
    # A1, A5: sign-in is by SMS code only; no password, no email (as the web's pages).
    assert app.post(f"{AUTH}{path}", {"password": "x", "email": "a@example.com"}).status_code == 404
