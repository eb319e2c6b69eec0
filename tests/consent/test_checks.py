"""System checks: notices published in every language and unchanged since (REQUIREMENTS A4, A6)."""

import dataclasses

import pytest
from django.conf import settings

from consent import notices, purposes
from consent.checks import notices_published_check
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING

pytestmark = pytest.mark.django_db


def _ids(messages):
    return sorted(message.id for message in messages)


def test_silent_on_our_configuration(published):
    assert notices_published_check() == []


def test_warns_while_nothing_is_published(db):
    assert _ids(notices_published_check()) == ["consent.W001"]


def test_a_language_without_a_published_notice_fails(published, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]

    messages = notices_published_check()

    # The policy and both consent purposes lack French.
    assert _ids(messages) == ["consent.E001"] * 3
    assert all("'fr'" in message.msg for message in messages)


def test_a_consent_purpose_without_a_notice_fails(published, monkeypatch):
    monkeypatch.setitem(
        purposes.PURPOSES,
        "newsletter",
        dataclasses.replace(purposes.PURPOSES[PRODUCT_NEWS_SMS], code="newsletter"),
    )

    messages = notices_published_check()

    assert _ids(messages) == ["consent.E001"]
    assert "newsletter" in messages[0].msg


def test_a_material_change_without_a_published_notice_fails(published, monkeypatch):
    monkeypatch.setitem(
        purposes.PURPOSES,
        PROFILING,
        dataclasses.replace(purposes.PURPOSES[PROFILING], material_version=2),
    )

    assert _ids(notices_published_check()) == ["consent.E001", "consent.E001"]


def test_a_template_edited_without_a_new_version_fails(published, settings):
    # A project template that overrides ours, as an unannounced edit would.
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"consent/notices/profiling/en.html": "<p>We now also sell your answers.</p>"},
                    ),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]

    messages = notices_published_check()

    assert _ids(messages) == ["consent.E002"]
    assert "consent/notices/profiling/en.html" in messages[0].msg


def test_the_check_is_registered_with_django(published, settings):
    from django.core import checks

    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "French")]

    assert "consent.E001" in {message.id for message in checks.run_checks()}


def test_every_declared_notice_has_a_template_in_each_language():
    from django.template.loader import get_template

    for notice in notices.NOTICES:
        for language, _name in settings.LANGUAGES:
            get_template(notice.template_name(language))
