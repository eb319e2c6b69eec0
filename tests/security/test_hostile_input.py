"""Hostile input never produces a 500 (REQUIREMENTS F1-F3, house rule: 4xx, never 500)."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onboarding.models import User

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = st.one_of(
    st.text(max_size=600),
    st.sampled_from(
        [
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "\x00\x01\x02",
            "+86\u200b13800138000",
            "١٣٨٠٠١٣٨٠٠٠",  # Arabic-Indic digits
            "138 0013 8000" * 50,
            "%00",
            "\ud7ff",
        ]
    ),
)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _client() -> Client:
    return Client(enforce_csrf_checks=False)


@FUZZ
@given(phone=HOSTILE_TEXT)
def test_signup_never_answers_500(phone):
    response = _client().post(reverse("account_signup"), {"phone": phone})
    assert response.status_code < 500
    if response.status_code == 200:
        assert (
            "&lt;script&gt;" in response.content.decode() or "<script>alert" not in response.content.decode()
        )


@FUZZ
@given(phone=HOSTILE_TEXT)
def test_request_login_code_never_answers_500(phone):
    response = _client().post(reverse("account_request_login_code"), {"phone": phone})
    assert response.status_code < 500


@FUZZ
@given(code=HOSTILE_TEXT)
def test_confirming_a_code_without_a_pending_sign_in_never_answers_500(code):
    for name in ("account_confirm_login_code", "account_verify_phone"):
        response = _client().post(reverse(name), {"code": code})
        assert response.status_code < 500


def test_html_in_the_phone_field_is_escaped_on_output():
    response = _client().post(reverse("account_signup"), {"phone": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_a_missing_csrf_token_is_refused_with_403():
    response = Client(enforce_csrf_checks=True).post(reverse("account_signup"), {"phone": "13800138000"})
    assert response.status_code == 403
    assert not User.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_wrong_methods_on_healthz_are_405(method):
    assert getattr(_client(), method)("/healthz").status_code == 405


def test_an_oversize_body_is_refused_with_400_not_500(settings):
    response = _client().post(
        reverse("account_signup"),
        data="phone=" + "1" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_an_unknown_language_code_falls_back_without_error():
    response = _client().post(reverse("set_language"), {"language": "xx-evil", "next": "/"})
    assert response.status_code in (302, 400)
    assert _client().get("/", HTTP_ACCEPT_LANGUAGE="xx,;q=bad").status_code == 200


def test_an_open_redirect_through_next_is_refused():
    response = _client().post(reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
