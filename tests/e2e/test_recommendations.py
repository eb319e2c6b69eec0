"""Journey (3): the one-click personalization switch (REQUIREMENTS C2, C3), and what it says (D5, B3)."""

import pytest
from django.urls import reverse

from tests.e2e import flows
from tests.e2e.ui import MOBILE, assert_equally_prominent

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (
            flows.url_exists("consent:screen", "profiling")
            and flows.url_exists("onboarding:questions")
            and flows.url_exists("recommendations:personalization_switch")
        ),
        reason="feature not landed yet: consent:screen, onboarding:questions or the personalization switch",
    ),
]


def test_the_switch_turns_personalization_off_and_on_in_one_click_each(ui):
    flows.sign_up_and_agree(
        ui, typed="139 0000 0301", phone="+8613900000301", answers={1: "working_professional", 2: "business"}
    )
    assert flows.is_personalized(ui, "en")

    assert switch_state(ui) == "Personalized recommendations: On"
    ui.submit(ui.page.locator("main").get_by_role("button", name="Turn off (keeps your answers)", exact=True))
    assert ui.path == "/"
    assert not flows.is_personalized(ui, "en")
    assert "Personalization is off" in ui.main_text()
    assert switch_state(ui) == "Personalized recommendations: Off: you turned them off"

    ui.submit(ui.page.locator("main").get_by_role("button", name="Turn on", exact=True))
    assert ui.path == "/"
    assert flows.is_personalized(ui, "en")


def switch_state(ui) -> str:
    return " ".join(ui.page.locator("#personalization span").first.inner_text().split())


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_after_skip_the_switch_says_off_you_skipped_and_leads_to_the_consent_screen(new_ui, lang):
    ui = new_ui(locale=flows.LANGUAGES[lang], viewport=MOBILE)
    typed = {"en": "139 0000 1611", "zh-hans": "139 0000 1612"}[lang]
    flows.sign_up_and_skip(ui, lang=lang, typed=typed, phone="+86" + typed.replace(" ", ""))

    says = flows.t(lang, "Personalized recommendations: <strong>Off: you skipped</strong>")
    assert switch_state(ui) == says.replace("<strong>", "").replace("</strong>", "")
    assert flows.t(lang, "On") not in switch_state(ui).split()
    ui.submit(
        ui.page.locator("#personalization").get_by_role(
            "link", name=flows.t(lang, "Turn on personalized recommendations")
        )
    )
    assert flows.on_consent_screen(ui)


def test_after_withdrawing_from_home_the_switch_says_off_you_withdrew(ui):
    flows.sign_up_and_agree(ui, typed="139 0000 1613", phone="+8613900001613", answers={1: "teacher"})
    assert switch_state(ui) == "Personalized recommendations: On"

    ui.submit(flows.button(ui, "Withdraw consent and delete my answers"))
    ui.goto(reverse("home"))

    assert switch_state(ui) == "Personalized recommendations: Off: you withdrew"
    assert not flows.is_personalized(ui, "en")


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_invitations_two_answers_are_equally_prominent(new_ui, lang):
    ui = new_ui(locale=flows.LANGUAGES[lang])
    typed = {"en": "139 0000 1614", "zh-hans": "139 0000 1615"}[lang]
    flows.sign_up(ui, typed=typed, phone="+86" + typed.replace(" ", ""))
    # Leaves the consent screen without deciding: home invites, it does not insist (B5).
    ui.goto(reverse("home"))

    invitation = ui.page.locator("main aside")
    assert_equally_prominent(
        ui,
        invitation.get_by_role("button", name=flows.t(lang, "Read about personalization"), exact=True),
        invitation.get_by_role("button", name=flows.t(lang, "No, thanks"), exact=True),
        same_style=True,
    )
    assert switch_state(ui) == flows.t(
        lang, "Personalized recommendations: <strong>Off: you have not decided</strong>"
    ).replace("<strong>", "").replace("</strong>", "")
