from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """The compliance trainers' kit: the tour side notes and the /training/ page.

    Kept apart from consent/ and onboarding/ so that developers copying those
    apps do not carry demo material with them.
    """

    name = "training"
    verbose_name = _("Compliance training")
