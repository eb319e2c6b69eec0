from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Consent")

    def ready(self) -> None:
        from django.core import checks

        from consent.checks import notices_published_check

        checks.register(notices_published_check, "consent")
