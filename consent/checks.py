"""System checks: every notice is published, in every language, exactly as its template reads (A4, A6).

They read the database, so they stay silent until the consent tables exist
(before the first `migrate`) and only warn while nothing has been published
yet (a fresh database, before `manage.py publish_notices`).
"""

from __future__ import annotations

from django.core import checks
from django.db import DatabaseError, connection
from django.template import TemplateDoesNotExist

from consent import notices, purposes, selectors
from consent.models import NoticeVersion

PUBLISH_HINT = "Run `manage.py publish_notices` (it never overwrites a published version)."


def _tables_exist() -> bool:
    try:
        return NoticeVersion._meta.db_table in connection.introspection.table_names()
    except DatabaseError:
        return False


def _declared_notices() -> list[tuple[notices.Notice | None, str]]:
    """The privacy policy, and one notice per consent purpose (None when one is missing)."""
    declared: list[tuple[notices.Notice | None, str]] = [(notices.privacy_policy_notice(), "privacy policy")]
    for purpose in purposes.consent_purposes():
        declared.append((notices.notice_for_purpose(purpose.code), f"consent purpose {purpose.code!r}"))
    return declared


def notices_published_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if not _tables_exist():
        return []
    try:
        if not NoticeVersion.objects.exists():
            return [
                checks.Warning(
                    "No notice has been published yet: signup stays closed until the privacy policy is.",
                    hint=PUBLISH_HINT,
                    id="consent.W001",
                )
            ]
        return [message for notice, label in _declared_notices() for message in _check_notice(notice, label)]
    except DatabaseError:
        # A database that is not migrated yet cannot be checked; migrate first.
        return []


def _check_notice(notice: notices.Notice | None, label: str) -> list[checks.CheckMessage]:
    if notice is None:
        return [
            checks.Error(
                f"The {label} has no notice declared in consent/notices.py, so nobody can be asked for it "
                "(REQUIREMENTS B2, A4).",
                hint="Declare a Notice for it and add one template per language.",
                id="consent.E001",
            )
        ]
    messages: list[checks.CheckMessage] = []
    for language in notices.language_codes():
        latest = selectors.notice_version_latest(notice=notice, language=language)
        if latest is None or latest.material_version != notice.material_version:
            messages.append(
                checks.Error(
                    f"The {label} has no published notice in language {language!r}"
                    + (
                        f" for material version {notice.material_version}"
                        if notice.material_version and latest is not None
                        else ""
                    )
                    + " (REQUIREMENTS A4, A6).",
                    hint=f"Add the template {notice.template_name(language)}. {PUBLISH_HINT}",
                    id="consent.E001",
                )
            )
            continue
        try:
            text = notice.render(language)
        except TemplateDoesNotExist:
            messages.append(
                checks.Error(
                    f"The template {notice.template_name(language)} of the {label} is missing, but version "
                    f"{latest.version} was published from it (REQUIREMENTS A4).",
                    hint="Restore the template: published notices must stay reproducible.",
                    id="consent.E001",
                )
            )
            continue
        if notices.text_sha256(text) != latest.sha256:
            messages.append(
                checks.Error(
                    f"The template {notice.template_name(language)} no longer matches the published "
                    f"version {latest.version} of the {label}: an unannounced change (REQUIREMENTS A6).",
                    hint="Raise the notice's version in consent/notices.py (and the purpose's "
                    f"material_version if the change is material), then {PUBLISH_HINT[0].lower()}"
                    f"{PUBLISH_HINT[1:]}",
                    id="consent.E002",
                )
            )
    return messages


def personal_data_registry_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Every model of ours that points at the user model is declared in a personal_data.py (D1, D4).

    Otherwise its rows would be missing from the copy of my data and survive
    the account's erasure. "Ours": apps inside the project directory, not
    Django's or third-party apps (their rows go with the account by cascade).
    """
    from django.apps import apps
    from django.conf import settings

    from consent import registry

    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    covered = registry.covered_models()
    base_dir = str(settings.BASE_DIR)
    messages: list[checks.CheckMessage] = []
    for app_config in apps.get_app_configs():
        if not str(app_config.path).startswith(base_dir) or "site-packages" in str(app_config.path):
            continue
        if app_configs is not None and app_config not in app_configs:
            continue
        for model in app_config.get_models():
            if model in covered:
                continue
            relates = model is user_model or any(
                field.is_relation and field.related_model is user_model
                for field in model._meta.get_fields(include_hidden=False)
                if not field.auto_created or field.concrete
            )
            if relates:
                messages.append(
                    checks.Error(
                        f"{model._meta.label} relates to the user model but no personal-data category "
                        "covers it, so it would be left out of the copy of my data and survive account "
                        "erasure (REQUIREMENTS D1, D4).",
                        hint=f"Declare it in {app_config.name}/personal_data.py with "
                        "consent.registry.register(PersonalDataCategory(models=(...), ...)).",
                        obj=model,
                        id="consent.E003",
                    )
                )
    return messages


def checkpoint_signing_key_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Outside DEBUG a usable checkpoint signing key is required (E5).

    Without it no checkpoint can be signed, and removing a chain's newest
    records would go unnoticed. In DEBUG a development key is generated into
    CONSENT_CHECKPOINT_SIGNING_KEY_FILE when the first checkpoint is made.
    """
    from django.conf import settings

    from consent import checkpoints

    configured = bool(getattr(settings, "CONSENT_CHECKPOINT_SIGNING_KEY", ""))
    if settings.DEBUG and not configured:
        return []
    try:
        checkpoints.signing_key()
    except (checkpoints.SigningKeyMissing, ValueError) as error:
        return [
            checks.Error(
                f"No usable signing key for consent ledger checkpoints: {error} (REQUIREMENTS E5).",
                hint="Set CONSENT_CHECKPOINT_SIGNING_KEY to a new Ed25519 key, for example "
                '`python -c "import os; print(os.urandom(32).hex())"`, kept in your secret store.',
                id="consent.E010",
            )
        ]
    return []
