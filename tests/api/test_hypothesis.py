"""Arbitrary input on every write and read endpoint: a 2xx or a 4xx problem, never a 500 (G1).

Each property sends arbitrary JSON (or bytes that are not JSON) to one write
endpoint, with arbitrary path segments, as a signed-in person who agreed to
profiling, and checks that the answer is below 500 and, for the product API,
a problem document with a stable code.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.throttling import PersonWriteThrottle
from consent.services import consent_grant, notices_publish_all, policy_acknowledge
from tests.factories import CourseFactory, UserFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=80),
    st.sampled_from(["agree", "skip", "teacher", "B1", "profiling", "' OR 1=1 --", "\x00", "9" * 400]),
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4),
)
FIELDS = ["choice", "notice_version", "policy_version", "privacy_policy_read", "answer", "enabled", "phone"]
BODY = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), SCALARS, max_size=4),
    JSON,
    st.binary(max_size=60).map(lambda raw: ("raw", raw)),
)
SEGMENT = st.one_of(
    st.sampled_from(["profiling", "product_news_sms", "account", "occupation", "english_level", "course-a"]),
    st.text(min_size=1, max_size=40),
)

WRITES = [
    ("POST", "/api/v1/acknowledgment"),
    ("POST", "/api/v1/consent/{}"),
    ("PUT", "/api/v1/profile/answers/{}"),
    ("DELETE", "/api/v1/profile/answers/{}"),
    ("POST", "/api/v1/profile/questions/{}/skip"),
    ("POST", "/api/v1/profile/questions/skip-rest"),
    ("PUT", "/api/v1/recommendations/personalization"),
    ("PUT", "/api/v1/courses/{}/enrollment"),
    ("DELETE", "/api/v1/courses/{}/enrollment"),
    ("POST", "/api/v1/courses/course-a/lessons/{}/done"),
    ("POST", "/api/v1/privacy-centre/{}/grant"),
    ("POST", "/api/v1/privacy-centre/{}/withdraw"),
    ("POST", "/api/v1/privacy-centre/exports"),
    ("POST", "/api/v1/privacy-centre/cancel-account"),
    # allauth headless, as a visitor (the flows that start signed out) ...
    ("POST", "/_allauth/app/v1/auth/signup"),
    ("POST", "/_allauth/app/v1/auth/code/request"),
    ("POST", "/_allauth/app/v1/auth/code/confirm"),
    ("POST", "/_allauth/app/v1/auth/phone/verify"),
    # ... and signed in.
    ("POST", "/_allauth/app/v1/auth/reauthenticate/code/request"),
    ("POST", "/_allauth/app/v1/auth/reauthenticate/code/confirm"),
    ("POST", "/_allauth/app/v1/account/phone"),
]
SIGNED_OUT = ("/_allauth/app/v1/auth/signup", "/_allauth/app/v1/auth/code/", "/_allauth/app/v1/auth/phone/")


def token_for(user) -> str:
    """A session token as allauth headless issues one after sign-in."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


@pytest.fixture
def token(monkeypatch):
    # The per-person write limit would turn most examples into 429s.
    monkeypatch.setattr(PersonWriteThrottle, "THROTTLE_RATES", {"person_write": "100000/min"})
    notices_publish_all()
    user = UserFactory()
    policy_acknowledge(user=user, surface="test")
    consent_grant(user=user, purpose="profiling", surface="test")
    CourseFactory(slug="course-a")
    return token_for(user)


def _send(token: str, method: str, path: str, body):
    client = Client()
    data = body[1] if isinstance(body, tuple) else json.dumps(body)
    call = getattr(client, method.lower())
    headers = {} if path.startswith(SIGNED_OUT) else {"HTTP_X_SESSION_TOKEN": token}
    return call(path, data, content_type="application/json", **headers)


@pytest.mark.parametrize(("method", "template"), WRITES)
def test_no_write_endpoint_answers_500(token, method, template):
    @FUZZ
    @given(body=BODY, segment=SEGMENT)
    def check(body, segment):
        cache.clear()  # SMS quotas and throttles start afresh per example
        path = template.format(quote(segment, safe=""))
        response = _send(token, method, path, body)
        assert response.status_code < 500, (path, body, response.content[:300])
        if path.startswith("/api/") and response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json", (path, response.content[:200])
            assert response.json()["code"]

    check()


READS = [
    "/api/v1/consent/{}",
    "/api/v1/courses/{}",
    "/api/v1/courses/course-a/lessons/{}",
    "/api/v1/courses?page={}",
    "/api/v1/privacy-centre/history/{}/receipt",
    "/api/v1/privacy-centre/exports/{}",
    "/api/v1/privacy-centre/exports/{}/download",
    "/api/v1/{}",
]


@pytest.mark.parametrize("template", READS)
def test_no_read_endpoint_answers_500(token, template):
    @FUZZ
    @given(segment=SEGMENT, language=st.sampled_from(["en", "zh-CN", "fr", "", "zz;q=x"]))
    def check(segment, language):
        path = template.format(quote(segment, safe=""))
        response = Client().get(path, HTTP_X_SESSION_TOKEN=token, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code < 500, (path, response.content[:300])
        if response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json"

    check()
