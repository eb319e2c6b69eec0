"""The personal-data registry: discovered like admin.py, and checked for completeness (D1, D4)."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from consent import registry
from consent.checks import personal_data_registry_check


def test_every_app_declares_its_categories_and_they_are_discovered_at_startup():
    keys = {category.key for category in registry.categories()}

    assert {"account", "profile_answers", "outbound_sms", "sessions"} <= keys
    assert {"enrollments", "personalization"} <= keys
    assert {"consent_records", "data_exports", "staff_access"} <= keys


def test_the_account_is_erased_last():
    assert registry.categories()[-1].key == "account"


def test_the_ledger_and_the_access_log_are_kept_after_erasure_and_nothing_else_is():
    kept = {category.key for category in registry.categories() if category.kept_after_erasure}

    assert kept == {"consent_records", "staff_access"}


def test_every_model_of_ours_that_points_at_the_user_is_covered():
    assert personal_data_registry_check() == []


def test_the_check_fails_naming_a_model_that_no_category_covers(monkeypatch):
    enrollment = registry.get("enrollments")
    monkeypatch.delitem(registry._registry, "enrollments")

    errors = personal_data_registry_check()

    assert [error.id for error in errors] == ["consent.E003"]
    assert "recommendations.Enrollment" in errors[0].msg
    assert "D1" in errors[0].msg
    assert "D4" in errors[0].msg
    assert errors[0].obj is enrollment.models[0]


def test_the_check_ignores_django_and_third_party_models():
    # admin.LogEntry points at the user too, but it is Django's own.
    log_entry = apps.get_model("admin", "LogEntry")
    user_model = apps.get_model(settings.AUTH_USER_MODEL)

    assert any(
        isinstance(field, models.ForeignKey) and field.related_model is user_model
        for field in log_entry._meta.get_fields()
    )
    assert not [error for error in personal_data_registry_check() if error.obj is log_entry]


def test_registering_a_different_category_under_a_taken_key_is_an_error():
    account = registry.get("account")

    with pytest.raises(registry.AlreadyRegistered):
        registry.register(registry.PersonalDataCategory(**{**account.__dict__, "order": 1}))
