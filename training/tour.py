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
        "The court held that personalized push was not necessary for the service. Which lessons you "
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
            "NEC art 5: for a learning or education app the necessary personal information is the registered "
            "user's mobile number; art 4: refusing anything else must not block the basic functions. PIPL 17 "
            "and CC 1035: tell people what is processed, why and how, before collecting it."
        ),
        judgment=_(
            "The court found that the company configured the plaintiff's account and password without "
            "permission, so the plaintiff's login skipped the consent step that new users saw."
        ),
        explanation=_(
            "Signup asks for a phone number and nothing else. The notice sits above the form, and "
            "the unticked box records which policy version the person read."
        ),
    ),
    "account_verify_phone": TourNote(
        requirement_ids=("F1",),
        law=_(
            "CC 1038 and PIPL 51: keep personal information secure. CC 1033(1): no one may disturb another "
            "person's private life by text message, so the app must not be usable to flood a phone."
        ),
        judgment=_(
            "The company set a password for the plaintiff's account without permission; here there is no "
            "password at all, only codes."
        ),
        explanation=_(
            "Codes have 6 digits, expire in 10 minutes, work once and allow 5 attempts; a number "
            "receives at most one code a minute and five an hour."
        ),
    ),
    "account_confirm_login_code": TourNote(
        requirement_ids=("F1", "F2"),
        law=_("CC 1038 and PIPL 51: security measures proportionate to the risk."),
        judgment=_(
            "The court relied on NEC art 5: for a learning app only the mobile number is necessary, and "
            "sign-in needs nothing else."
        ),
        explanation=_(
            "This page looks the same whether or not the number has an account, so it cannot be "
            "used to find out who uses the service."
        ),
    ),
    "consent:acknowledge": TourNote(
        requirement_ids=("A2", "A6", "A7"),
        law=_(
            "PIPL 17: notice before processing; PIPL 14(2): a changed purpose needs fresh consent; PIPL 13, "
            "21 and 23: an operator creates an account only under an institution's contract with the learner."
        ),
        judgment=_(
            "Because the company configured the account itself, the plaintiff's login skipped the consent "
            "step. An account an operator creates here gets no SMS and no password, is stopped at this page "
            "at the first sign-in, and is deleted after 90 days if nobody signs in."
        ),
        explanation=_(
            "Accounts created by an operator, and everyone after a new policy version, read and "
            "acknowledge the policy here before any other page."
        ),
    ),
    "consent:screen": TourNote(
        requirement_ids=("B1", "B2", "B3", "B5"),
        law=_(
            "CC 1035: lawful, legitimate and necessary, with consent before processing. PIPL 14 and 16: "
            "consent must be informed, voluntary and explicit, and refusing must not cost the service. "
            "GB/T 35273 5.3 (a recommended standard): no bundling of business functions."
        ),
        judgment=_(
            "New users did see a consent tick screen; the court held that answers forced by having no way "
            "to skip or refuse are still not valid consent. That is why consent here is a screen of its own."
        ),
        explanation=_(
            "Profiling has its own screen. Agree and Skip are the same button in the same size; "
            "nothing is pre-ticked; a refusal is remembered and not asked again."
        ),
    ),
    "onboarding:question": TourNote(
        requirement_ids=("B4", "A5"),
        law=_(
            "NEC art 4: refusing non-necessary data must not block basic functions. CC 1035: no excessive "
            "processing."
        ),
        judgment=_(
            "The company's first login demanded occupation, school stage, English level and learning goal, "
            "then name, with no skip."
        ),
        explanation=_(
            "Every question can be skipped alone, or all the rest at once; each answer is saved "
            "only because the person agreed on the previous screen."
        ),
    ),
    "onboarding:profile": TourNote(
        requirement_ids=("C4", "D2", "D3"),
        law=_(
            "ALG 17 and PIPL 46-47: people can see, correct, complete and delete the tags used to recommend "
            "to them."
        ),
        judgment=_("The court ordered the company to delete the plaintiff's profile data."),
        explanation=_(
            "Each answer is a tag with Change and Delete; a deleted tag is gone from storage, from "
            "recommendations and from exports."
        ),
    ),
    "home": TourNote(
        requirement_ids=("C1", "C2", "C3", "B8"),
        law=_(
            "PIPL 24(2) and ALG 17 require an option not based on personal characteristics or a convenient "
            "way to refuse; we give both. Opt-in follows from CC 1035 and PIPL 13: profiling is not "
            "necessary for the contract, so it needs consent."
        ),
        judgment=_(
            "Necessary for the contract means the basic service functions, or add-on functions the user "
            "chose; personalized push was neither, so the court rejected it as a reason to collect."
        ),
        explanation=_(
            "Everyone gets recommendations: popular courses without consent or answers. "
            "Personalized items are labelled, explained, and one click turns them off."
        ),
    ),
    "recommendations:how_it_works": TourNote(
        requirement_ids=("C3",),
        law=_("ALG 16: publish the basic principles, purpose and main mechanism of recommendation."),
        judgment=_(
            "Profiling was the defendant's stated reason for collecting; here it is explained openly."
        ),
        explanation=_(
            "The inputs, each ranking factor in one sentence and the way to turn personalization off, "
            "in plain words."
        ),
    ),
    "recommendations:course_detail": LESSON_PROGRESS_NOTE,
    "recommendations:lesson_detail": LESSON_PROGRESS_NOTE,
    "recommendations:course_list": TourNote(
        requirement_ids=("B8", "C5"),
        law=_("PIPL 16: no refusal of the product because consent was refused."),
        judgment=_(
            "The basic function of a learning app is its courses (NEC art 5: online tutoring, online "
            "classes), open to everyone."
        ),
        explanation=_(
            "The catalogue is the same for every learner, in the same order, whatever they answered."
        ),
    ),
    "consent:privacy_policy": TourNote(
        requirement_ids=("A4", "A6", "D6"),
        law=_(
            "PIPL 17 and APP191 item 1 (a normative document): a readable policy, in Simplified Chinese, "
            "reachable within four clicks (here: one, from every page's footer)."
        ),
        judgment=_("The plaintiff was never shown the processing rules before the data was collected."),
        explanation=_(
            "Every published version is kept and readable, with its date, so any consent record "
            "can be matched with the exact text the person saw."
        ),
    ),
    "consent:privacy_centre": TourNote(
        requirement_ids=("B6", "B7", "B9", "D1", "D3", "D4", "E2"),
        law=_(
            "PIPL 15: a convenient way to withdraw (no more clicks than agreeing is our design, after GDPR "
            "7(3)); 45: a copy; 47(1)(3): withdrawal erases; GB/T 35273 8.4-8.6."
        ),
        judgment=_(
            "The court ordered a copy of the data, a stop to processing and deletion: here each is a button."
        ),
        explanation=_(
            "Agree shows the notice text first; Withdraw takes one click, like Agree. Download a copy, read "
            "your consent history, or cancel the account without giving a reason."
        ),
    ),
    "consent:my_data": TourNote(
        requirement_ids=("D1",),
        law=_(
            "PIPL 45 and CC 1037: people may consult and copy their personal information; GB/T 35273 8.6: "
            "a copy in a usable form."
        ),
        judgment=_("The court's first order: give the plaintiff a copy of the personal information held."),
        explanation=_(
            "Everything held about the person, readable on a phone, and the same data as a JSON file "
            "to download, self-service."
        ),
    ),
    "consent:export_status": TourNote(
        requirement_ids=("D1", "E4"),
        law=_("PIPL 45: a copy on request; PIPL 19: keep it no longer than needed."),
        judgment=_("The court's first order: give the plaintiff a copy of the personal information held."),
        explanation=_(
            "The file is prepared in the background and can be downloaded for a few days; then it is deleted."
        ),
    ),
    "consent:consent_history": TourNote(
        requirement_ids=("E1", "E2"),
        law=_("PIPL 51: records of processing; GDPR 7(1): the controller must be able to show consent."),
        judgment=_("The defendant could not show that the plaintiff had ever agreed to anything."),
        explanation=_(
            "Every decision, with the exact notice version shown and the screen it was made on, "
            "and a receipt to download for each."
        ),
    ),
    "consent:account_cancel": TourNote(
        requirement_ids=("D4", "D5"),
        law=_(
            "PIPL 47 and GB/T 35273 8.5: deletion on cancellation; APP191 6.1-6.2: cancellation exists "
            "and carries no unnecessary or unreasonable conditions."
        ),
        judgment=_("The court ordered the defendant to stop processing and delete the plaintiff's data."),
        explanation=_(
            "No reason asked: a fresh code proves it is the person, who is signed out at once; the data "
            "is erased in the background within minutes."
        ),
    ),
    "account_request_reauthentication_code": TourNote(
        requirement_ids=("D4", "F1"),
        law=_("PIPL 51: protect the account; APP191 6.2: no unnecessary conditions on cancellation."),
        judgment=_("The court ordered the defendant to stop processing and delete the plaintiff's data."),
        explanation=_(
            "Cancelling is confirmed with a new code to the same number: no password, no reason, "
            "nothing beyond what signup asked."
        ),
    ),
    "account_confirm_reauthentication_code": TourNote(
        requirement_ids=("D4", "F1"),
        law=_("PIPL 51: protect the account; APP191 6.2: no unnecessary conditions on cancellation."),
        judgment=_("The court ordered the defendant to stop processing and delete the plaintiff's data."),
        explanation=_(
            "Cancelling is confirmed with a new code to the same number: no password, no reason, "
            "nothing beyond what signup asked."
        ),
    ),
    "consent:account_cancelled": TourNote(
        requirement_ids=("D4", "D5", "E4"),
        law=_(
            "PIPL 47: delete when the account is cancelled; APP191 6.4: the screen must not show as done "
            "what the backend has not done."
        ),
        judgment=_("The court ordered the defendant to delete the plaintiff's data."),
        explanation=_(
            "The person is already signed out; the page says erasure is under way, never that it is "
            "finished before it is. Only unlinkable consent records remain."
        ),
    ),
}


def tour_note_for(view_name: str | None) -> TourNote | None:
    if not view_name:
        return None
    return TOUR_NOTES.get(view_name)
