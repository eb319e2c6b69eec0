"""System checks of the consent app; each names the requirement it protects.

- E004: the host declares a privacy policy and a purpose on the contract basis.
- E001/E002 and W001: every notice is published, in every language, exactly
  as its template reads (A4, A6). They read the database, so they stay silent
  until the consent tables exist (before the first `migrate`) and only warn
  while nothing has been published yet (before `manage.py publish_notices`).
- E003: every model holding personal data is declared for copies and erasure (D1, D4).
- W002: the first-run gate is installed (A2, A6).
- W003: the controller's identity is declared (A4, D6).
- E005: the configured task runner can run (D1, D4).
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


DECLARE_HINT = (
    "Declare it in a consent_purposes.py module of one of your apps (discovered at startup), with "
    "consent.notices.register(Notice(...)) and one template per language under "
    "templates/consent/notices/<slug>/<language>.html; see docs/ADOPTING.md."
)


def declarations_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The host declared what only it can know: its privacy policy and its contract purpose (A3, A4)."""
    messages: list[checks.CheckMessage] = []
    if notices.privacy_policy_notice() is None:
        messages.append(
            checks.Error(
                "No privacy policy is declared: nobody can be shown one or acknowledge it "
                "(REQUIREMENTS A3, A4).",
                hint='Register Notice(kind=NoticeKind.PRIVACY_POLICY, purpose="", version=..., '
                "effective=...). " + DECLARE_HINT,
                id="consent.E004",
            )
        )
    if purposes.primary_purpose() is None:
        messages.append(
            checks.Error(
                "No purpose on the contract basis is declared, so an acknowledgment of the privacy policy "
                "has no purpose to be recorded under (REQUIREMENTS A3).",
                hint='Register Purpose(code="account", legal_basis=LegalBasis.CONTRACT, ...) with '
                "consent.purposes.register() in a consent_purposes.py module of one of your apps.",
                id="consent.E004",
            )
        )
    return messages


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
        if label == "privacy policy":
            return []  # consent.E004 says it
        return [
            checks.Error(
                f"The {label} has no notice declared, so nobody can be asked for it (REQUIREMENTS B2, A4).",
                hint=DECLARE_HINT,
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
                    hint="Raise the notice's version where it is declared (and the purpose's "
                    f"material_version if the change is material), then {PUBLISH_HINT[0].lower()}"
                    f"{PUBLISH_HINT[1:]}",
                    id="consent.E002",
                )
            )
    return messages


def personal_data_registry_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The user model, and every model of ours that points at it, is declared in a personal_data.py (D1, D4).

    Otherwise its rows would be missing from the copy of my data and survive
    the account's erasure. "Ours": apps inside the project directory
    (settings.BASE_DIR), not Django's or third-party apps (their rows go with
    the account by cascade). The user model is checked wherever it lives,
    Django's own `auth.User` included: someone must export and erase the account.
    """
    from django.apps import apps
    from django.conf import settings

    from consent import registry

    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    covered = registry.covered_models()
    base_dir = str(getattr(settings, "BASE_DIR", "") or "")
    messages: list[checks.CheckMessage] = []
    for app_config in apps.get_app_configs():
        ours = (
            bool(base_dir)
            and str(app_config.path).startswith(base_dir)
            and "site-packages" not in str(app_config.path)
        )
        if app_configs is not None and app_config not in app_configs:
            continue
        for model in app_config.get_models():
            if not ours and model is not user_model:
                continue
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
                        hint=_registry_hint(model, app_config, user_model),
                        obj=model,
                        id="consent.E003",
                    )
                )
    return messages


def _registry_hint(model, app_config, user_model) -> str:
    where = (
        "a personal_data.py module of one of your apps"
        if model is user_model
        else (f"{app_config.name}/personal_data.py")
    )
    what = (
        "an export (a dict of the account's fields) and an erase that deletes the account, with a high "
        "order so that it runs last"
        if model is user_model
        else "an export (the person's rows as dicts) and an erase (delete them; idempotent)"
    )
    return (
        f"Declare it in {where}: consent.registry.register(PersonalDataCategory(key=..., label=..., "
        f"description=..., models=({model.__name__},), export=..., erase=...)) with {what}. "
        "See docs/ADOPTING.md, 'Declare the personal data'."
    )


GATE_MIDDLEWARE = "consent.middleware.FirstRunGateMiddleware"


def first_run_gate_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Without the gate, an account created by an operator never meets the policy (A2, CASE)."""
    from django.conf import settings

    if GATE_MIDDLEWARE in settings.MIDDLEWARE:
        return []
    return [
        checks.Warning(
            "The first-run gate is not installed: a signed-in person who never acknowledged the current "
            "privacy policy (an account created by an operator, or anyone after a new version) can use "
            "every page without seeing it (REQUIREMENTS A2, A6).",
            hint=f"Add {GATE_MIDDLEWARE!r} to MIDDLEWARE after "
            "'django.contrib.auth.middleware.AuthenticationMiddleware'.",
            id="consent.W002",
        )
    ]


def controller_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Receipts, copies of data and the privacy contact name the controller (A4, D6; PIPL 17, 50)."""
    from consent.app_settings import app_settings

    if app_settings.CONTROLLER_IS_DECLARED:
        return []
    return [
        checks.Warning(
            "The controller is not declared: receipts, copies of data and the privacy contact page would "
            "name nobody to write to (REQUIREMENTS A4, D6).",
            hint='Set CONSENT_CONTROLLER = {"name": ..., "contact": ..., "address": ..., "email": ..., '
            '"phone": ..., "url": ...} in settings (name and an email or address at least).',
            id="consent.W003",
        )
    ]


def task_runner_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The runner that builds copies and erases accounts can be loaded (D1, D4)."""
    from consent.app_settings import app_settings
    from consent.runners import CeleryRunner, get_runner

    try:
        if isinstance(get_runner(), CeleryRunner):
            import consent.tasks  # noqa: F401 - needs Celery
    except ImportError as error:
        return [
            checks.Error(
                f"CONSENT_TASK_RUNNER = {app_settings.TASK_RUNNER!r} cannot be loaded ({error}): copies of "
                "data would never be built and cancelled accounts never erased (REQUIREMENTS D1, D4).",
                hint="Install what it needs (pip install django-consent-ledger[celery]) or remove the "
                "setting to run the work in-process.",
                id="consent.E005",
            )
        ]
    return []


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
    except ImportError as error:
        return [
            checks.Error(
                f"Checkpoints of the consent ledger are signed with Ed25519, which needs the cryptography "
                f"package ({error}) (REQUIREMENTS E5).",
                hint="pip install django-consent-ledger[checkpoints]; "
                "then set CONSENT_CHECKPOINT_SIGNING_KEY.",
                id="consent.E010",
            )
        ]
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
