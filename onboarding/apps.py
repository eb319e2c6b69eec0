from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "onboarding"
    verbose_name = _("Onboarding")

    def ready(self) -> None:
        from consent.signals import consent_withdrawn
        from onboarding import checks  # noqa: F401 - registers the system checks
        from onboarding.receivers import profile_answers_erase_on_withdrawal

        consent_withdrawn.connect(
            profile_answers_erase_on_withdrawal,
            dispatch_uid="onboarding.profile_answers_erase_on_withdrawal",
        )
