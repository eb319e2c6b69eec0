"""What the package asks of its host, and how it says so: checks, settings, templates, optional packages."""

import dataclasses
import importlib.util
import os
import sys

import pytest
from django.core import checks
from django.urls import reverse

from consent import notices, purposes, registry, selectors
from consent.app_settings import app_settings

pytestmark = pytest.mark.django_db

OPTIONAL = ("allauth", "crispy_forms", "celery")


def _ids(messages):
    return [message.id for message in messages]


def test_no_purpose_is_known_to_the_package_but_the_hosts():
    assert list(purposes.PURPOSES) == ["membership", "newsletter", "surveys"]
    assert purposes.primary_purpose().code == "membership"


def test_the_first_run_url_asks_each_first_run_purpose_the_host_declared(member, monkeypatch):
    assert selectors.consent_first_run_url(user=member) == reverse("consent:screen", args=["newsletter"])

    # A host that asks nothing at first run: the flow ends after the policy.
    monkeypatch.setitem(
        purposes.PURPOSES,
        "newsletter",
        dataclasses.replace(purposes.PURPOSES["newsletter"], asked_at_first_run=False),
    )
    assert selectors.consent_first_run_url(user=member) is None


def test_a_user_model_with_no_personal_data_category_fails_e003_with_what_to_declare(monkeypatch):
    monkeypatch.delitem(registry._registry, "account")

    errors = [m for m in checks.run_checks(tags=["consent"]) if m.id == "consent.E003"]

    assert [error.obj._meta.label for error in errors] == ["auth.User"]
    assert "personal_data.py" in errors[0].hint
    assert "PersonalDataCategory(" in errors[0].hint
    assert "models=(User,)" in errors[0].hint
    assert "erase" in errors[0].hint


def test_no_declared_policy_or_contract_purpose_fails_e004(monkeypatch):
    monkeypatch.setattr(notices, "NOTICES", [n for n in notices.NOTICES if n.kind != "privacy_policy"])
    monkeypatch.delitem(purposes.PURPOSES, "membership")

    errors = [m for m in checks.run_checks(tags=["consent"]) if m.id == "consent.E004"]

    assert len(errors) == 2
    assert all("consent_purposes.py" in error.hint for error in errors)


def test_a_host_that_forgets_the_gate_gets_w002(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "FirstRunGate" not in m]

    assert "consent.W002" in _ids(checks.run_checks(tags=["consent"]))


def test_a_host_that_names_no_controller_gets_w003(settings):
    del settings.CONSENT_CONTROLLER

    assert "consent.W003" in _ids(checks.run_checks(tags=["consent"]))
    assert app_settings.CONTROLLER["name"] == ""


def test_the_default_settings_are_safe(settings):
    for name in ("CONSENT_JURISDICTION", "CONSENT_HOME_URL", "CONSENT_AFTER_AGREE_URLS"):
        delattr(settings, name)

    assert app_settings.JURISDICTION == ""
    assert app_settings.TASK_RUNNER == "consent.runners.InProcessRunner"
    assert app_settings.RESPONSE_WORKING_DAYS == 15
    assert app_settings.EXPORT_LIFETIME.days == 7
    assert app_settings.HOME_URL == "/"


def test_the_configured_installation_passes_every_check_in_development(published, settings):
    settings.DEBUG = True

    assert [m for m in checks.run_checks() if m.level >= checks.WARNING] == []


def test_outside_debug_the_ledger_checkpoints_need_a_signing_key_e010(published, settings):
    settings.DEBUG = False

    errors = [m for m in checks.run_checks(tags=["consent"]) if m.id == "consent.E010"]

    assert len(errors) == 1
    assert "CONSENT_CHECKPOINT_SIGNING_KEY" in errors[0].hint


@pytest.mark.skipif(importlib.util.find_spec("celery") is not None, reason="Celery is installed here")
def test_the_celery_runner_without_celery_is_e005(settings):
    settings.CONSENT_TASK_RUNNER = "consent.runners.CeleryRunner"

    assert "consent.E005" in _ids(checks.run_checks(tags=["consent"]))


def test_the_pages_import_no_optional_package(signed_in):
    for url in (
        reverse("consent:acknowledge"),
        reverse("consent:screen", args=["newsletter"]),
        reverse("consent:privacy_centre"),
        reverse("consent:account_cancel"),
        reverse("consent:my_data"),
    ):
        assert signed_in.get(url).status_code in (200, 302)

    assert [name for name in OPTIONAL if name in sys.modules] == []


@pytest.mark.skipif(not os.environ.get("CONSENT_TESTS_BARE"), reason="only in the bare virtualenv of .ci/run")
def test_this_run_has_no_allauth_crispy_or_celery_installed():
    assert [name for name in OPTIONAL if importlib.util.find_spec(name) is not None] == []


def test_a_host_restyles_every_page_by_overriding_consent_base_html(client, published, settings, tmp_path):
    (tmp_path / "consent").mkdir()
    (tmp_path / "consent" / "base.html").write_text(
        "<html><title>{% block head_title %}{% endblock %} | Host</title>"
        '<body class="host-layout">{% block content %}{% endblock %}</body></html>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    html = client.get(reverse("consent:privacy_policy")).content.decode()

    assert 'class="host-layout"' in html
    assert "Privacy policy | Host" in html
