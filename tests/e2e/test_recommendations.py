"""Journey (3): the one-click personalization switch (REQUIREMENTS C2, C3)."""

import pytest

from tests.e2e import flows

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

    ui.submit(ui.page.locator("main").get_by_role("button", name="Turn off", exact=True))
    assert ui.path == "/"
    assert not flows.is_personalized(ui, "en")
    assert "Personalization is off" in ui.main_text()

    ui.submit(ui.page.locator("main").get_by_role("button", name="Turn on", exact=True))
    assert ui.path == "/"
    assert flows.is_personalized(ui, "en")
