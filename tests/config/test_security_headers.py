import pytest

pytestmark = pytest.mark.django_db


def test_every_page_sends_a_csp_without_unsafe_inline(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_pages_deny_framing_sniffing_and_cross_site_referrers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_production_settings_send_hsts_and_redirect_http_to_https():
    from tests.config.test_settings import PRODUCTION_ENV, _manage

    script = (
        "from django.test import Client; c = Client(HTTP_HOST='learn.example.com');"
        "r = c.get('/healthz', secure=True); print(r['Strict-Transport-Security']);"
        "print(c.get('/healthz').status_code)"
    )
    result = _manage("shell", "-c", script, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    hsts, plain_http_status = result.stdout.split()[-4:-1], result.stdout.split()[-1]
    assert "max-age=31536000;" in result.stdout
    assert "includeSubDomains" in " ".join(hsts)
    assert plain_http_status == "301"


def test_every_page_denies_browser_features_no_page_uses(client):
    response = client.get("/")

    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_the_authenticator_app_pages_are_for_staff_only(client):
    from tests.factories import UserFactory

    learner = UserFactory()
    learner.refresh_from_db()
    client.force_login(learner)
    assert client.get("/accounts/2fa/").status_code == 404
    assert client.get("/accounts/2fa/totp/activate/").status_code == 404

    staff = UserFactory(is_staff=True)
    staff.refresh_from_db()
    client.force_login(staff)
    assert client.get("/accounts/2fa/").status_code == 200
