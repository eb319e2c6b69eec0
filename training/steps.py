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
    # The live screen, so a trainer can open it from the step (URL name, args).
    url_name: str = ""
    url_args: tuple = ()
    screenshot: str | None = None

    @property
    def url(self) -> str:
        from django.urls import NoReverseMatch, reverse

        try:
            return reverse(self.url_name, args=self.url_args) if self.url_name else ""
        except NoReverseMatch:
            return ""

    @property
    def requirements(self) -> list[tuple[str, Promise]]:
        return [(code, REQUIREMENT_SUMMARIES.get(code, "")) for code in self.requirement_ids]


# One line per requirement ID of docs/COMPLIANCE.md that the steps cite.
REQUIREMENT_SUMMARIES: dict[str, Promise] = {
    "A1": _("Signup asks for a mobile number and nothing else."),
    "A2": _("Accounts made by an operator meet the notice and the choices at first sign-in."),
    "A3": _("What is processed, why and for how long is said before anything is collected."),
    "A7": _("An operator creates an account only on a documented basis, and it expires if never used."),
    "B1": _("Profiling is asked on a screen of its own, never bundled."),
    "B2": _("The consent screen says what, why, how long, and what happens without it."),
    "B3": _("Agree and Skip are equally prominent; nothing is pre-ticked."),
    "B4": _("Every question can be skipped."),
    "B5": _("A refusal is remembered and not asked again."),
    "B7": _("Withdrawing takes no more clicks than agreeing."),
    "B8": _("Refusing changes nothing but personalization."),
    "C1": _("Everyone gets the same popular list without consent."),
    "C2": _("One click switches personalization off or on."),
    "C3": _("Personalized items are labelled and explained."),
    "D1": _("A copy of all personal data, readable and as a file."),
    "D3": _("Withdrawing deletes the answers."),
    "D4": _("Self-service cancellation, erased within minutes."),
    "E2": _("Each person sees their consent history and receipts."),
}


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
        url_name="account_signup",
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
        url_name="consent:screen",
        url_args=("profiling",),
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
        url_name="onboarding:question",
        url_args=(1,),
        alt=_("A profile question with Next, Skip this question and Skip the rest."),
    ),
    TrainingStep(
        title=_("The home page"),
        condemned=_(
            "Personalized push was the only mode, defended as necessary for the service. The court: "
            "necessary means the basic functions, or add-ons the user chose; this was neither."
        ),
        ours=_(
            "Everyone sees recommendations. Without consent or answers: popular courses. With them: a "
            "labelled personalized list, a 'Why this course?' for each item, and a one-click switch off."
        ),
        requirement_ids=("C1", "C2", "C3", "B8"),
        screenshot_name="home",
        url_name="home",
        alt=_("The home page with its recommendations section and the personalization switch."),
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
        url_name="consent:privacy_centre",
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
