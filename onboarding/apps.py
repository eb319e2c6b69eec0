from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "onboarding"
    verbose_name = _("Onboarding")

    def ready(self) -> None:
        from consent.models import surface_label_register
        from consent.signals import consent_withdrawn
        from onboarding import checks, services  # noqa: F401 - checks registers the system checks
        from onboarding.receivers import profile_answers_erase_on_withdrawal

        # B9: an opt-out by reply is a withdrawal on a surface of its own.
        surface_label_register(services.SMS_REPLY_SURFACE, _("Reply to a product-news text message"))
        consent_withdrawn.connect(
            profile_answers_erase_on_withdrawal,
            dispatch_uid="onboarding.profile_answers_erase_on_withdrawal",
        )
