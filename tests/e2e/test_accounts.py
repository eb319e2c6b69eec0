"""Journey (0): the phone-only account in a real browser (REQUIREMENTS A1, A5).

Signing in again with a second code is journey (9) (test_consent_journeys.py):
the app sends a number one code a minute (F1), so the suite waits that minute
once, there, rather than twice.
"""

import pytest
from django.urls import reverse

from tests.e2e import flows
from tests.e2e.ui import MOBILE, assert_in_first_view

pytestmark = [pytest.mark.e2e]


def test_a_learner_signs_up_with_only_a_number_and_a_code_then_signs_out(ui):
    ui.goto(reverse("account_signup"))
    # A1: the number is the only thing asked (and the policy box, A3); no password, e-mail or name.
    inputs = ui.page.locator("main form[method=post] input:not([type=hidden])")
    asked = inputs.evaluate_all("fields => fields.map(f => f.type === 'checkbox' ? 'checkbox' : f.name)")
    assert sorted(asked) == ["checkbox", "phone"], asked

    flows.sign_up(ui, typed="139 0000 0001", phone="+8613900000001")
    assert ui.is_signed_in()

    flows.sign_out(ui)
    ui.goto(reverse("home"))
    assert not ui.is_signed_in()


def test_sign_up_to_enroll_returns_to_the_course_after_the_consent_screen(ui):
    ui.goto(reverse("recommendations:course_list"))
    ui.submit(ui.page.locator("main article a, main li a").first)
    course_path = ui.path
    ui.submit(ui.page.locator("main").get_by_role("link", name="Sign up to enroll"))

    form = ui.page.locator("main form[method=post]").filter(has=ui.page.locator("[name=phone]"))
    form.locator("input[name=phone]").fill("139 0000 1621")
    form.locator("input[type=checkbox]").check()
    since = ui.app.outbox.mark()
    ui.submit(form.locator("button[type=submit]").first)
    flows.enter_code(ui, phone="+8613900001621", since=since)

    # The consent screen still comes first (B1), then the course, ready to enroll.
    flows.check_consent_screen(ui, "en")
    ui.submit(flows.button(ui, "Skip"))
    assert ui.path == course_path
    ui.submit(flows.button(ui, "Enroll"))
    assert "You are enrolled" in ui.main_text()


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_an_empty_signup_shows_an_error_summary_at_the_top_and_focuses_the_first_field(new_ui, lang):
    ui = new_ui(locale=flows.LANGUAGES[lang], viewport=MOBILE, tour=True)
    ui.goto(reverse("account_signup"))

    ui.submit(ui.page.locator("main form[method=post] button[type=submit]"))

    summary = ui.page.locator("main [data-error-summary]")
    assert summary.is_visible()
    assert flows.t(lang, "Please correct the following:") in summary.inner_text()
    assert_in_first_view(ui, {"error summary": summary}, viewports=(MOBILE,))
    focused = ui.page.evaluate("document.activeElement && document.activeElement.name")
    assert focused == "phone", f"focus is on {focused!r}, not on the first field to fix"
