"""The first view (REQUIREMENTS B3, A3, B4, D4): each onboarding and privacy screen's title and
main action are on screen before any scrolling.

Measured at 375x667 (a phone) and at 853x533 (a 1280x800 projector at 150% zoom), in English
and Simplified Chinese, on the server with the trainers' notes on, as `make run` shows the app:
the note must not push the decision off the screen.
"""

import re

import pytest
from django.urls import reverse

from tests.e2e import flows
from tests.e2e.ui import MOBILE, assert_in_first_view

pytestmark = [pytest.mark.e2e]

PHONES = {"en": ("139 0000 1601", "139 0000 1603"), "zh-hans": ("139 0000 1602", "139 0000 1604")}
FULL_NUMBER = re.compile(r"\+?86\s?1\d{2}\s?\d{4}\s?\d{4}|1\d{10}")


def e164(typed: str) -> str:
    return "+86" + typed.replace(" ", "")


def main(ui):
    return ui.page.locator("main")


def title(ui):
    return main(ui).locator("h1")


def check_tour_note_is_closed_with_its_title_visible(ui, lang):
    note = ui.page.locator("details.tour-note")
    assert note.count() == 1, f"no trainers' note on {ui.page.url}"
    assert note.get_attribute("open") is None, "the note must start closed on a phone"
    summary = note.locator("summary")
    assert flows.t(lang, "Why this screen looks like this") in summary.inner_text()
    assert_in_first_view(ui, {"the note's title": summary}, viewports=(MOBILE,))


def flash_messages(ui) -> list[str]:
    return [text.strip() for text in ui.page.locator("main .alert[role=status]").all_inner_texts()]


# Both languages with the tour on (`make run`) and off (production): the note
# must not be what makes the decision fit, nor its absence break the layout.
@pytest.mark.parametrize(
    ("lang", "tour"), [("en", True), ("zh-hans", True), ("en", False), ("zh-hans", False)]
)
def test_signup_code_consent_questions_and_cancellation_fit_the_first_view(new_ui, lang, tour):
    typed, _ = PHONES[lang]
    ui = new_ui(locale=flows.LANGUAGES[lang], viewport=MOBILE, tour=tour)

    def check_note():
        if tour:
            check_tour_note_is_closed_with_its_title_visible(ui, lang)
        else:
            assert ui.page.locator(".tour-note").count() == 0

    ui.goto(reverse("account_signup"))
    check_note()
    form = main(ui).locator("form[method=post]")
    assert_in_first_view(
        ui,
        {
            "title": title(ui),
            "phone field": form.locator("input[name=phone]"),
            "policy box": form.locator("input[type=checkbox]"),
            "send button": form.locator("button[type=submit]"),
        },
    )
    form.locator("input[name=phone]").fill(typed)
    form.locator("input[type=checkbox]").check()
    since = ui.app.outbox.mark()
    ui.submit(form.locator("button[type=submit]"))

    code_form = main(ui).locator("form[method=post]").filter(has=ui.page.locator("[name=code]"))
    assert_in_first_view(
        ui,
        {
            "title": title(ui),
            "code field": code_form.locator("input[name=code]"),
            "Confirm": flows.button(ui, flows.t(lang, "Confirm")),
        },
    )
    code_field = code_form.locator("input[name=code]")
    assert code_field.get_attribute("inputmode") == "numeric"
    assert code_field.get_attribute("autocomplete") == "one-time-code"
    assert ui.page.evaluate("document.activeElement && document.activeElement.name") == "code"
    # The number as people read it, and the seconds until another code may be sent.
    assert "+86 " + typed in main(ui).inner_text()
    resend = ui.page.locator("main button[form=resend]")
    assert resend.is_disabled()
    assert re.search(r"\d+", resend.inner_text()), resend.inner_text()
    flows.enter_code(ui, phone=e164(typed), since=since)

    assert flows.on_consent_screen(ui), ui.page.url
    # One flash message after signing in, and never the full number in it.
    messages = flash_messages(ui)
    assert len(messages) <= 1, messages
    assert not any(FULL_NUMBER.search(message) for message in messages), messages
    check_note()
    assert_in_first_view(
        ui,
        {
            "title": title(ui),
            "start of the notice": main(ui).locator(".consent-notice p").first,
            "Agree": flows.button(ui, flows.t(lang, "Agree")),
            "Skip": flows.button(ui, flows.t(lang, "Skip")),
        },
        partial=("start of the notice",),
    )
    flows.check_consent_screen(ui, lang)
    ui.submit(flows.button(ui, flows.t(lang, "Agree")))

    for step in (1, 2, 3):
        assert ui.path == reverse("onboarding:question", args=[step]), ui.page.url
        check_note()
        choices = main(ui).locator("fieldset .form-check")
        elements = {"question": main(ui).locator("legend")}
        elements.update({f"choice {index + 1}": choices.nth(index) for index in range(choices.count())})
        answer_label = flows.next_label(lang, step=step)
        elements[answer_label] = flows.button(ui, answer_label)
        elements["Skip this question"] = flows.button(ui, flows.t(lang, "Skip this question"))
        assert_in_first_view(ui, elements)
        ui.submit(flows.button(ui, flows.t(lang, "Skip this question")))
    assert ui.path == reverse("home")

    flows.open_privacy_centre(ui, lang)
    ui.goto(reverse("consent:account_cancel"))
    check_note()
    assert_in_first_view(
        ui,
        {
            "title": title(ui),
            "Cancel my account": flows.button(ui, flows.t(lang, "Cancel my account")),
            "Keep my account": main(ui).get_by_role(
                "link", name=flows.t(lang, "Keep my account"), exact=True
            ),
        },
    )


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_acknowledgment_fits_the_first_view_with_the_tour_on(new_ui, lang, tmp_path):
    _, typed = PHONES[lang]
    ui = new_ui(locale=flows.LANGUAGES[lang], viewport=MOBILE, tour=True)
    csv_file = tmp_path / "learners.csv"
    csv_file.write_text(f"phone\n{typed}\n", encoding="utf-8")
    ui.app.manage("import_learners", str(csv_file))

    ui.goto(reverse("account_request_login_code"))
    form = main(ui).locator("form[method=post]")
    assert_in_first_view(
        ui,
        {
            "title": title(ui),
            "phone field": form.locator("input[name=phone]"),
            "send button": form.locator("button[type=submit]"),
        },
    )
    flows.sign_in(ui, typed=typed, phone=e164(typed))

    assert ui.path == reverse("consent:acknowledge"), ui.page.url
    check_tour_note_is_closed_with_its_title_visible(ui, lang)
    form = main(ui).locator("form[method=post]")
    assert_in_first_view(
        ui,
        {
            "title": title(ui),
            "acknowledgment box": form.locator("input[type=checkbox]"),
            "Continue": form.locator("button[type=submit]"),
        },
    )
