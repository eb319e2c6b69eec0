"""Production settings: secure by default, and no start without secrets (REQUIREMENTS F3)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "x7#k2-production-like-secret-key-for-the-deploy-check-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "learn.example.com",
    "CONSENT_CHECKPOINT_SIGNING_KEY": "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    # Production shares one Redis between its processes (F1: the rate limits)
    # and sends SMS through a provider; locmem stands in for the provider's
    # backend, which a deployment names in SMS_BACKEND.
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SMS_BACKEND": "onboarding.sms.backends.locmem.SmsBackend",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The production-like process gets its own SQLite default, whatever the test run uses.
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SMS_"))}
    clean_env.pop("REDIS_URL", None)
    clean_env.pop("DATABASE_URL", None)
    clean_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "CONSENT_CHECKPOINT_SIGNING_KEY"]
)
def test_production_refuses_to_start_without_a_required_secret(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_development_mode_starts_without_secrets():
    result = _manage("check", env={"DJANGO_DEBUG": "true"})
    assert result.returncode == 0, result.stderr


def test_a_database_outage_in_production_shows_the_503_page_even_before_collectstatic():
    # The error page must not depend on the static manifest or the database.
    # The course list reads the database on every request; the anonymous home
    # page may be served from the shared cache alone, database or not.
    script = (
        "from django.test import Client;"
        "c = Client(HTTP_HOST='learn.example.com', raise_request_exception=False);"
        "r = c.get('/courses/', secure=True); print(r.status_code); print(r.content.decode())"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing"}
    result = _manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    assert "\n503\n" in f"\n{result.stdout}"
    assert "temporarily unavailable" in result.stdout
