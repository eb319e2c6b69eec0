"""One error shape, stable codes, throttles per person, masked logs (G1, F1, F3)."""

import io
import logging

import pytest

from api.throttling import PersonWriteThrottle
from onboarding.logging import MaskPhoneNumbersFilter
from tests.api.conftest import API, AUTH, AppClient


def _problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == code
    assert body["type"] == f"urn:learnright:problem:{code}"
    assert body["status"] == status
    assert body["title"]
    return body


def test_a_body_that_is_not_json_is_a_malformed_request(signed_in):
    response = signed_in.request("PUT", f"{API}/recommendations/personalization", raw="{not json")
    _problem(response, 400, "malformed_request")


def test_a_json_value_that_is_not_an_object_is_a_validation_error(signed_in):
    response = signed_in.request("PUT", f"{API}/recommendations/personalization", raw="[1, 2]")
    _problem(response, 400, "validation_error")


def test_field_errors_name_each_field(signed_in):
    response = signed_in.put(f"{API}/recommendations/personalization", {"enabled": "perhaps"})
    body = _problem(response, 400, "validation_error")
    assert body["errors"]["enabled"][0]["code"] == "invalid"


def test_an_unknown_api_path_is_a_404_problem(app):
    _problem(app.get(f"{API}/no/such/thing"), 404, "not_found")


def test_a_wrong_method_is_a_405_problem(signed_in):
    _problem(signed_in.delete(f"{API}/privacy-centre"), 405, "method_not_allowed")


def test_titles_follow_accept_language_and_codes_do_not(signed_in):
    signed_in.language = "zh-hans"
    body = _problem(
        signed_in.put(f"{API}/profile/answers/occupation", {"answer": "teacher"}), 403, "consent_required"
    )
    assert any("\u4e00" <= char <= "\u9fff" for char in body["title"])


def test_writes_are_throttled_per_person_with_a_429_problem(signed_in, monkeypatch):
    monkeypatch.setattr(PersonWriteThrottle, "THROTTLE_RATES", {"person_write": "3/min"})
    for _ in range(3):
        assert signed_in.put(f"{API}/recommendations/personalization", {"enabled": True}).status_code == 200
    response = signed_in.put(f"{API}/recommendations/personalization", {"enabled": True})
    _problem(response, 429, "rate_limited")
    assert int(response["Retry-After"]) > 0
    # Reads are not counted, and another person has their own budget.
    assert signed_in.get(f"{API}/recommendations/personalization").status_code == 200
    other = AppClient(capture=signed_in.capture)
    assert other.get(f"{API}/recommendations").status_code == 200


def test_cors_is_off_no_cross_origin_header_is_sent(signed_in):
    response = signed_in.client.get(
        f"{API}/recommendations", HTTP_ORIGIN="https://evil.example", HTTP_X_SESSION_TOKEN=signed_in.token
    )
    assert "Access-Control-Allow-Origin" not in response


def test_a_browser_session_cookie_does_not_authenticate_the_api(published, client):
    from tests.factories import LearnerFactory

    client.force_login(LearnerFactory())
    _problem(client.get(f"{API}/privacy-centre"), 401, "not_authenticated")


@pytest.fixture
def console_log():
    console = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, MaskPhoneNumbersFilter) for f in h.filters)
    )
    stream = io.StringIO()
    previous = console.setStream(stream)
    yield stream
    console.setStream(previous)


def test_api_signup_and_refusals_log_no_phone_number(app, console_log):
    app.signup("+8613800138000")
    app.post(f"{AUTH}/auth/code/request", {"phone": "+8613800138000"})  # a 429
    app.put(f"{API}/profile/answers/occupation", {"answer": "+8613800138000"})
    assert "13800138000" not in console_log.getvalue()
