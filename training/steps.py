"""The learner's path, screen by screen: the condemned flow beside ours."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TrainingStep:
    title: Promise
    condemned: Promise
    ours: Promise
    requirement_ids: tuple[str, ...]
    screenshot_name: str
    alt: Promise
    screenshot: str | None = None


_STEPS = (
    TrainingStep(
        title=_("Getting an account"),
        condemned=_(
            "The company configured the account and its password without the person's permission and sent a "
            "registration text message; the login that followed skipped the consent step and showed no rules."
        ),
        ours=_(
            "People sign up themselves with a mobile number and nothing else. What is processed, why and "
            "for how long is written above the form, with the policy one click away and an unticked box "
            "that records the version read."
        ),
        requirement_ids=("A1", "A2", "A3", "A7"),
        screenshot_name="signup",
        alt=_("The signup page: one phone field, the short notice and the unticked policy box."),
    ),
    TrainingStep(
        title=_("The first screen after signing in"),
        condemned=_(
            "For this account, straight into questionnaires: the consent tick screen new users saw was "
            "skipped. Even with it, the court held, answers forced by having no way to refuse are not valid "
            "consent."
        ),
        ours=_(
            "A screen of its own for profiling: what would be asked, why, how long it is kept, what happens "
            "without it. Agree and Skip are the same button in the same size; nothing is pre-ticked."
        ),
        requirement_ids=("B1", "B2", "B3", "B5"),
        screenshot_name="consent",
        alt=_("The profiling consent screen with equal Agree and Skip buttons."),
    ),
    TrainingStep(
        title=_("The questions"),
        condemned=_(
            "Occupation, school stage, English level and learning goal, then name in Chinese and English, "
            "all mandatory, with no skip or refuse: answering was the only way in."
        ),
        ours=_(
            "Only after Agree, one question at a time; each can be skipped, or all the rest at once. "
            "Nothing is pre-selected, and no name is ever asked."
        ),
        requirement_ids=("B4",),
        screenshot_name="question",
        alt=_("A profile question with Next, Skip this question and Skip the rest."),
    ),
    TrainingStep(
        title=_("The home page"),
        condemned=_(
            "Personalised push was the only mode, defended as necessary for the service. The court: "
            "necessary means the basic functions, or add-ons the user chose; this was neither."
        ),
        ours=_(
            "Everyone sees recommendations. Without consent or answers: popular courses. With them: a "
            "labelled personalised list, a 'Why this course?' for each item, and a one-click switch off."
        ),
        requirement_ids=("C1", "C2", "C3", "B8"),
        screenshot_name="home",
        alt=_("The home page with its recommendations section and the personalisation switch."),
    ),
    TrainingStep(
        title=_("Afterwards: rights"),
        condemned=_(
            "It took a lawsuit to obtain a copy of the data, a stop to processing and deletion, a written "
            "apology and 2,900 yuan (a lawyer's fee and an evidence fee)."
        ),
        ours=_(
            "The privacy centre makes each of those a button: withdraw (one click, like agreeing), a copy "
            "of all data, the consent history with receipts, and account cancellation without a reason."
        ),
        requirement_ids=("B7", "D1", "D3", "D4", "E2"),
        screenshot_name="privacy-centre",
        alt=_("The privacy centre with each purpose and its one-click button."),
    ),
)


def training_steps(*, language: str | None) -> list[TrainingStep]:
    """The steps with the screenshot of the reader's language, where one was taken.

    Screenshots are made by `make screenshots` into docs/screenshots/, which
    is served as static files under screenshots/.
    """
    prefix = "zh" if (language or "").startswith("zh") else "en"
    steps = []
    for step in _STEPS:
        screenshot = _screenshot_path(prefix, step.screenshot_name)
        steps.append(TrainingStep(**{**step.__dict__, "screenshot": screenshot}))
    return steps


def _screenshot_path(prefix: str, name: str) -> str | None:
    directory = Path(settings.BASE_DIR) / "docs" / "screenshots"
    for language in dict.fromkeys((prefix, "en")):
        matches = sorted(directory.glob(f"{language}-desktop-*{name}*.png"))
        if matches:
            return f"screenshots/{matches[0].name}"
    return None
