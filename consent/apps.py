from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Consent")

    def ready(self) -> None:
        from django.core import checks
        from django.utils.module_loading import autodiscover_modules

        from consent.checks import (
            checkpoint_signing_key_check,
            notices_published_check,
            personal_data_registry_check,
        )

        checks.register(notices_published_check, "consent")
        checks.register(checkpoint_signing_key_check, "consent")
        checks.register(personal_data_registry_check, "consent")
        # Each app's personal_data.py declares what it holds (D1, D4), the way
        # admin.py registers model admins.
        autodiscover_modules("personal_data")
