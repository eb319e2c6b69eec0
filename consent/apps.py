from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.core import checks
        from django.utils.module_loading import autodiscover_modules

        from consent import checks as consent_checks
        from consent.middleware import policy_acknowledgment_remember_on_login

        # The host declares its purposes and notices in a consent_purposes.py
        # of one of its apps (B6, A4), and each app's personal_data.py what it
        # holds (D1, D4), the way admin.py registers model admins.
        autodiscover_modules("consent_purposes")
        autodiscover_modules("personal_data")
        for check in (
            consent_checks.declarations_check,
            consent_checks.notices_published_check,
            consent_checks.personal_data_registry_check,
            consent_checks.first_run_gate_check,
            consent_checks.controller_check,
            consent_checks.task_runner_check,
            consent_checks.checkpoint_signing_key_check,
        ):
            checks.register(check, "consent")
        # The first-run gate then costs no query on the requests after sign-in.
        user_logged_in.connect(
            policy_acknowledgment_remember_on_login, dispatch_uid="consent.policy_acknowledgment_remember"
        )
