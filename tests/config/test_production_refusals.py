"""What a production start refuses, and what it switches on (REQUIREMENTS F1, F3)."""

from tests.config.test_settings import PRODUCTION_ENV, _manage

CONSOLE = "onboarding.sms.backends.console.SmsBackend"


def test_production_refuses_the_console_sms_backend_that_prints_codes():
    result = _manage("check", env={**PRODUCTION_ENV, "SMS_BACKEND": CONSOLE})

    assert result.returncode != 0
    assert "prints sign-in codes" in result.stderr
    assert "SMS_CONSOLE_PRINTS_CODES_ALLOWED" in result.stderr


def test_the_console_backend_starts_when_printing_codes_is_allowed_by_name():
    env = {**PRODUCTION_ENV, "SMS_BACKEND": CONSOLE, "SMS_CONSOLE_PRINTS_CODES_ALLOWED": "true"}

    result = _manage("check", env=env)

    assert result.returncode == 0, result.stderr


def test_behind_a_proxy_one_forwarding_proxy_is_trusted_by_default():
    script = "from django.conf import settings; print('count', settings.ALLAUTH_TRUSTED_PROXY_COUNT)"

    behind = _manage("shell", "-c", script, env={**PRODUCTION_ENV, "DJANGO_BEHIND_PROXY": "true"})
    direct = _manage("shell", "-c", script, env=PRODUCTION_ENV)
    two = _manage(
        "shell",
        "-c",
        script,
        env={**PRODUCTION_ENV, "DJANGO_BEHIND_PROXY": "true", "DJANGO_TRUSTED_PROXY_COUNT": "2"},
    )

    assert "count 1" in behind.stdout, behind.stderr
    assert "count 0" in direct.stdout, direct.stderr
    assert "count 2" in two.stdout, two.stderr


def test_with_mfa_required_the_admin_sends_staff_to_the_code_sign_in_instead_of_a_password_page():
    script = (
        "from django.test import Client; c = Client(HTTP_HOST='learn.example.com');"
        "r = c.get('/admin/login/?next=/admin/', secure=True); print(r.status_code, r.get('Location'))"
    )

    result = _manage("shell", "-c", script, env={**PRODUCTION_ENV, "DJANGO_ADMIN_REQUIRE_MFA": "true"})

    assert result.returncode == 0, result.stderr
    assert "302 /accounts/login/code/?next=" in result.stdout
