"""The side notes of the compliance tour: one per screen, keyed by URL name.

Each says why the screen looks the way it does: the requirement IDs of
docs/COMPLIANCE.md, the rule of law, and the point of the judgment
(2022)京04民终494号 that the screen answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TourNote:
    requirement_ids: tuple[str, ...]
    law: Promise
    judgment: Promise
    explanation: Promise


# Lesson progress, on the course and lesson pages: the contrast with the optional profile.
LESSON_PROGRESS_NOTE = TourNote(
    requirement_ids=("D1", "D4", "C5"),
    law=_(
        "PIPL 13(1)(2): data necessary to perform a contract the person is party to needs no separate "
        "consent. PIPL 45 and 47: it is still in the person's copy and is erased when they leave."
    ),
    judgment=_(
        "The court held that personalised push was not necessary for the service. Which lessons you "
        "finished is necessary for the course you chose, so it needs no consent, and it is never used "
        "for recommendations."
    ),
    explanation=_(
        "Compare with the optional profile: lesson progress is kept because you chose this course, is "
        "in your copy of your data, is erased when you leave the course or cancel your account, and "
        "never changes your recommendations. The profile needs your consent and can be refused."
    ),
)

TOUR_NOTES: dict[str, TourNote] = {
    "account_signup": TourNote(
        requirement_ids=("A1", "A3", "F2"),
        law=_(
            "NEC art 4: for a learning app the only necessary data is the mobile number. PIPL 17: tell "
            "people what is processed, why and for how long before collecting it."
        ),
        judgment=_("The defendant created the plaintiff's account itself and showed no privacy notice."),
        explanation=_(
            "Signup asks for a phone number and nothing else. The notice sits above the form, and "
            "the unticked box records which policy version the person read."
        ),
    ),
    "account_verify_phone": TourNote(
        requirement_ids=("F1",),
        law=_(
            "CC 1033 and PIPL 51: keep personal information secure; the app must not be usable to flood "
            "someone's phone."
        ),
        judgment=_("Codes are the only credential: no password was ever asked for."),
        explanation=_(
            "Codes have 6 digits, expire in 10 minutes, work once and allow 5 attempts; a number "
            "receives at most one code a minute and five an hour."
        ),
    ),
    "account_confirm_login_code": TourNote(
        requirement_ids=("F1", "F2"),
        law=_("PIPL 51: security measures proportionate to the risk."),
        judgment=_("Sign-in needs the phone number only, as the judgment says an education app may require."),
        explanation=_(
            "This page looks the same whether or not the number has an account, so it cannot be "
            "used to find out who uses the service."
        ),
    ),
    "consent:acknowledge": TourNote(
        requirement_ids=("A2", "A3", "A6"),
        law=_("PIPL 17: notice before processing; PIPL 14(2): a changed purpose needs fresh consent."),
        judgment=_("The court found that the pre-provisioned account skipped the consent step entirely."),
        explanation=_(
            "Accounts created by an operator, and everyone after a new policy version, read and "
            "acknowledge the policy here before any other page."
        ),
    ),
    "consent:screen": TourNote(
        requirement_ids=("B1", "B2", "B3", "B5"),
        law=_(
            "PIPL 14 and 16: consent must be informed, voluntary and explicit, and refusing must not cost "
            "the service. GB/T 35273 5.3: no bundling of purposes."
        ),
        judgment=_("The court held that answers given with no way to skip or refuse are not valid consent."),
        explanation=_(
            "Profiling has its own screen. Agree and Skip are the same button in the same size; "
            "nothing is pre-ticked; a refusal is remembered and not asked again."
        ),
    ),
    "onboarding:question": TourNote(
        requirement_ids=("B4", "A5"),
        law=_("NEC art 4: refusing non-necessary data must not block basic functions."),
        judgment=_("The defendant's first login demanded occupation, goal and English level with no skip."),
        explanation=_(
            "Every question can be skipped alone, or all the rest at once; each answer is saved "
            "only because the person agreed on the previous screen."
        ),
    ),
    "onboarding:profile": TourNote(
        requirement_ids=("C4", "D2", "D3"),
        law=_(
            "ALG 17 and PIPL 46-47: people can see, correct and delete the tags used to recommend to them."
        ),
        judgment=_("The court ordered the defendant to delete the plaintiff's profile data."),
        explanation=_(
            "Each answer is a tag with Change and Delete; a deleted tag is gone from storage, from "
            "recommendations and from exports."
        ),
    ),
    "home": TourNote(
        requirement_ids=("C1", "C2", "C3", "B8"),
        law=_(
            "ALG 17 and PIPL 24(2): offer an option not based on personal characteristics, and an easy way "
            "to turn personalisation off."
        ),
        judgment=_(
            "The court rejected the claim that personalised push was necessary to provide the service."
        ),
        explanation=_(
            "Everyone gets recommendations: popular courses without consent or answers. "
            "Personalised items are labelled, explained, and one click turns them off."
        ),
    ),
    "recommendations:how_it_works": TourNote(
        requirement_ids=("C3",),
        law=_("ALG 16: publish the basic principles, purpose and main mechanism of recommendation."),
        judgment=_(
            "Profiling was the defendant's stated reason for collecting; here it is explained openly."
        ),
        explanation=_(
            "The inputs, each ranking factor in one sentence and the way to turn personalisation off, "
            "in plain words."
        ),
    ),
    "recommendations:course_detail": LESSON_PROGRESS_NOTE,
    "recommendations:lesson_detail": LESSON_PROGRESS_NOTE,
    "recommendations:course_list": TourNote(
        requirement_ids=("B8", "C5"),
        law=_("PIPL 16: no refusal of the product because consent was refused."),
        judgment=_("The basic function of a learning app is its courses, open to everyone."),
        explanation=_(
            "The catalogue is the same for every learner, in the same order, whatever they answered."
        ),
    ),
    "consent:privacy_policy": TourNote(
        requirement_ids=("A4", "A6", "D6"),
        law=_(
            "PIPL 17 and APP191 item 1: a readable policy, in Simplified Chinese, reachable within four "
            "clicks (here: one, from every page's footer)."
        ),
        judgment=_("The plaintiff was never shown the rules before his data was taken."),
        explanation=_(
            "Every published version is kept and readable, with its date, so any consent record "
            "can be matched with the exact text the person saw."
        ),
    ),
    "consent:privacy_centre": TourNote(
        requirement_ids=("B6", "B7", "D1", "D3", "D4", "E2"),
        law=_("PIPL 15 (withdrawal as easy as consent), 45 (copy), 47 (deletion); GB/T 35273 8.4-8.6."),
        judgment=_(
            "The court ordered a copy of the data, a stop to processing and deletion: here each is a button."
        ),
        explanation=_(
            "Withdraw takes one click, like Agree. Download a copy, read your consent history, or "
            "cancel the account without giving a reason."
        ),
    ),
}


def tour_note_for(view_name: str | None) -> TourNote | None:
    if not view_name:
        return None
    return TOUR_NOTES.get(view_name)
