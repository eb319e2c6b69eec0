import pytest
from django.db import connection

from onboarding import selectors

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert set(body["checks"].values()) == {"ok"}


def test_healthz_answers_503_naming_the_failed_dependency(client, monkeypatch):
    monkeypatch.setattr(selectors, "dependencies_health", lambda **kwargs: {"database": True, "redis": False})
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"] == "failed"


def test_an_unreachable_redis_is_reported_as_failed():
    checks = selectors.dependencies_health(connection=connection, redis_url="redis://127.0.0.1:1/0")
    assert checks == {"database": True, "redis": False}


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
