"""An app client for the API: JSON bodies, the X-Session-Token header, codes from the SMS outbox."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from django.test import Client

from consent.selectors import privacy_policy_current
from consent.services import consent_grant, notices_publish_all, policy_acknowledge
from onboarding.consent_purposes import PROFILING
from tests.factories import LearnerFactory
from tests.onboarding.helpers import CODE, last_code_for

AUTH = "/_allauth/app/v1"
API = "/api/v1"


@dataclass
class AppClient:
    """What a native app does: JSON in and out, the session token in a header, no cookies."""

    client: Client = field(default_factory=lambda: Client(enforce_csrf_checks=True))
    token: str | None = None
    language: str = "en"
    capture: object = None

    def _headers(self) -> dict[str, str]:
        headers = {"HTTP_ACCEPT_LANGUAGE": self.language, "HTTP_USER_AGENT": "LearnRightApp/1.0 (test)"}
        if self.token:
            headers["HTTP_X_SESSION_TOKEN"] = self.token
        return headers

    def request(self, method: str, path: str, body=None, *, raw: str | None = None):
        # A native app keeps no cookies: each request stands on its token alone.
        self.client.cookies.clear()
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        kwargs = {"content_type": "application/json"} if data is not None else {}
        call = getattr(self.client, method.lower())
        if self.capture is not None:
            with self.capture(execute=True):
                response = (
                    call(path, data, **kwargs, **self._headers())
                    if data is not None
                    else call(path, **self._headers())
                )
        else:
            response = (
                call(path, data, **kwargs, **self._headers())
                if data is not None
                else call(path, **self._headers())
            )
        token = _session_token(response)
        if token:
            self.token = token
        return response

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, {} if body is None else body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def signup(self, phone: str, *, policy_version: int | None = None):
        """Signup by phone through allauth headless, then the SMS code; returns the verify response."""
        if policy_version is None:
            policy_version = self.get(f"{API}/notices/privacy-policy").json()["id"]
        response = self.post(
            f"{AUTH}/auth/signup",
            {"phone": phone, "privacy_policy_read": True, "policy_version": policy_version},
        )
        assert response.status_code == 401, response.content
        return self.post(f"{AUTH}/auth/phone/verify", {"code": last_code()})

    def login(self, phone: str):
        response = self.post(f"{AUTH}/auth/code/request", {"phone": phone})
        assert response.status_code == 401, response.content
        return self.post(f"{AUTH}/auth/code/confirm", {"code": last_code_for(phone)})


def last_code() -> str:
    """The code in the newest SMS (the number may have been typed with spaces)."""
    from onboarding import sms

    return CODE.search(sms.outbox[-1].body).group(1)


def _session_token(response) -> str | None:
    if not response.get("Content-Type", "").startswith("application/json"):
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    meta = body.get("meta") if isinstance(body, dict) else None
    return (meta or {}).get("session_token")


@pytest.fixture
def published(db):
    return notices_publish_all()


@pytest.fixture
def app(published, django_capture_on_commit_callbacks) -> AppClient:
    return AppClient(capture=django_capture_on_commit_callbacks)


@pytest.fixture
def signed_in(app) -> AppClient:
    """A person who signed up through the API (acknowledged, no consent decision)."""
    response = app.signup("+8613800138000")
    assert response.status_code == 200, response.content
    return app


@pytest.fixture
def granted(signed_in) -> AppClient:
    from onboarding.models import User

    consent_grant(user=User.objects.get(phone="+8613800138000"), purpose=PROFILING, surface="test")
    return signed_in


@pytest.fixture
def imported_person(published):
    """An account an operator created: no acknowledgment, no consent (A2)."""
    return LearnerFactory(phone="+8613900139000", phone_verified=False, origin="import")


def acknowledged_learner(**kwargs):
    user = LearnerFactory(**kwargs)
    policy_acknowledge(user=user, surface="test", notice_version=privacy_policy_current())
    return user


@pytest.fixture
def bump_profiling(monkeypatch):
    """A material change to profiling, published (A6): the consent app's own fixture."""
    from tests.consent.conftest import bump_profiling as fixture

    return fixture.__wrapped__(monkeypatch)
