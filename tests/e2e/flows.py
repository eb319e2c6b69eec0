"""Steps a learner takes, in the browser, shared by the journeys and `make screenshots`.

Pages are found by the app's URL names (reversed in this process from the same
URL configuration the server runs) and buttons by their visible label in the
page's language, as a person finds them. Labels come from the app's own
translation catalog, so a journey in Chinese checks the Chinese text.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests.e2e.ui import Ui, assert_equally_prominent, assert_nothing_preselected

LANGUAGES = {"en": "en-US", "zh-hans": "zh-CN"}


def url_exists(name: str, *args) -> bool:
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


def t(lang: str, msgid: str) -> str:
    """The text the app shows for `msgid` in `lang`."""
    with translation.override(lang):
        return translation.gettext(msgid)


def button(ui: Ui, label: str):
    return ui.page.locator("main").get_by_role("button", name=label, exact=True)


def _post_form_with(ui: Ui, field_name: str):
    return ui.page.locator("main form[method=post]").filter(has=ui.page.locator(f"[name={field_name}]"))


def enter_code(ui: Ui, *, phone: str, since: int) -> None:
    """Type the code the server just texted to `phone` (E.164) and confirm it."""
    code = ui.app.outbox.latest_code(phone, since=since)
    form = _post_form_with(ui, "code")
    form.locator("input[name=code]").fill(code)
    # The form's own submit button (Confirm), not the resend one that targets another form.
    ui.submit(form.locator("button[type=submit]:not([form])").first)


def sign_up(ui: Ui, *, typed: str, phone: str) -> None:
    """Sign up with the number as typed, tick the policy box, confirm the texted code."""
    ui.goto(reverse("account_signup"))
    ui.step("signup")
    form = _post_form_with(ui, "phone")
    form.locator("input[name=phone]").fill(typed)
    # REQUIREMENTS A3: one box, "I have read the privacy policy", unticked until the person ticks it.
    acknowledgment = form.locator("input[type=checkbox]")
    assert acknowledgment.count() == 1, "the signup form needs the privacy policy box"
    assert not acknowledgment.is_checked(), "the privacy policy box was ticked for the person"
    acknowledgment.check()
    since = ui.app.outbox.mark()
    ui.submit(form.locator("button[type=submit]").first)
    ui.step("code")
    enter_code(ui, phone=phone, since=since)


def sign_in(ui: Ui, *, typed: str, phone: str) -> None:
    """Sign in by code; waits out the one-SMS-a-minute limit for this number if needed."""
    ui.goto(reverse("account_request_login_code"))
    form = _post_form_with(ui, "phone")
    form.locator("input[name=phone]").fill(typed)
    ui.app.outbox.wait_for_quota(phone)
    since = ui.app.outbox.mark()
    ui.submit(form.locator("button[type=submit]").first)
    enter_code(ui, phone=phone, since=since)


def open_menu(ui: Ui) -> None:
    """On a phone the header's links fold behind the menu button: open it, as a person would."""
    toggler = ui.page.locator("header .navbar-toggler")
    if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
        toggler.click()
        ui.page.locator("header .navbar-collapse.show").wait_for()


def sign_out(ui: Ui) -> None:
    open_menu(ui)
    ui.submit(ui.page.locator("header form[action*='logout'] button[type=submit]"))
    assert not ui.is_signed_in()


def consent_screen_url(purpose: str = "profiling") -> str:
    return reverse("consent:screen", args=[purpose])


def on_consent_screen(ui: Ui, purpose: str = "profiling") -> bool:
    return ui.path == consent_screen_url(purpose)


def home_heading(ui: Ui) -> str:
    return ui.page.locator("#recommendations-heading").inner_text().strip()


def is_personalized(ui: Ui, lang: str) -> bool:
    """The home page's recommendation section, as a person reads it (REQUIREMENTS C1, C3)."""
    heading = home_heading(ui)
    if heading == t(lang, "Recommended for you"):
        badge = ui.page.locator("main section").get_by_text(t(lang, "Personalized"), exact=True)
        assert badge.is_visible(), "a personalized section must say so (C3)"
        return True
    assert heading == t(lang, "Popular with learners"), f"unexpected heading {heading!r}"
    assert ui.page.locator("main details").count() == 0, "reasons shown on a non-personalized list"
    return False


def check_consent_screen(ui: Ui, lang: str) -> None:
    """REQUIREMENTS B1-B3 in the rendered page: its own screen, two equal choices, nothing ticked."""
    assert on_consent_screen(ui), f"expected the profiling consent screen, got {ui.page.url}"
    assert_nothing_preselected(ui)
    assert_equally_prominent(ui, button(ui, t(lang, "Agree")), button(ui, t(lang, "Skip")), same_style=True)


def check_question_screen(ui: Ui, lang: str, *, step: int, count: int = 3) -> None:
    """REQUIREMENTS B3, B4 on one profile question."""
    expected = reverse("onboarding:question", args=[step])
    assert ui.path == expected, f"expected question {step}, got {ui.page.url}"
    progress = t(lang, "Question %(step)s of %(count)s") % {"step": step, "count": count}
    assert progress in ui.main_text()
    assert_nothing_preselected(ui)
    assert_equally_prominent(
        ui,
        button(ui, next_label(lang, step=step, count=count)),
        button(ui, t(lang, "Skip this question")),
        same_style=False,
    )


def next_label(lang: str, *, step: int, count: int = 3) -> str:
    """The last question's answer button says Finish: nothing comes after it."""
    return t(lang, "Finish") if step == count else t(lang, "Next")


def answer_question(ui: Ui, lang: str, *, step: int, value: str | None) -> None:
    """Choose `value` (a stored choice value) and press Next, or press Skip this question."""
    check_question_screen(ui, lang, step=step)
    if value is None:
        ui.step(f"question-{step}-skipped")
        ui.submit(button(ui, t(lang, "Skip this question")))
        return
    ui.page.locator(f"main input[name=answer][value='{value}']").check()
    ui.step(f"question-{step}-answered")
    ui.submit(button(ui, next_label(lang, step=step)))


def sign_up_and_skip(ui: Ui, *, lang: str = "en", typed: str, phone: str) -> None:
    """Journey (1): sign up, Skip the consent screen, the same popular courses as everyone."""
    sign_up(ui, typed=typed, phone=phone)
    check_consent_screen(ui, lang)
    ui.step("consent")
    ui.submit(button(ui, t(lang, "Skip")))
    # B8: refusing leads to the full product, the home page.
    assert ui.path == reverse("home"), f"Skip should land on home, got {ui.page.url}"
    assert not is_personalized(ui, lang)
    ui.step("home")


def sign_up_and_agree(
    ui: Ui, *, lang: str = "en", typed: str, phone: str, answers: dict[int, str | None]
) -> None:
    """Sign up, Agree, then answer (value) or skip (None) each question by step number."""
    sign_up(ui, typed=typed, phone=phone)
    check_consent_screen(ui, lang)
    ui.step("consent")
    ui.submit(button(ui, t(lang, "Agree")))
    for step in (1, 2, 3):
        answer_question(ui, lang, step=step, value=answers.get(step))
    assert ui.path == reverse("home"), f"the questions should end on home, got {ui.page.url}"
    ui.step("home")


def why_this_course(ui: Ui, lang: str) -> list[list[str]]:
    """Open every "Why this course?" disclosure and read its reasons, course by course."""
    summaries = ui.page.locator("main details > summary")
    assert summaries.count() > 0, "no 'Why this course?' on a personalized list (C3)"
    reasons = []
    for index in range(summaries.count()):
        summary = summaries.nth(index)
        assert summary.inner_text().strip() == t(lang, "Why this course?")
        summary.click()
        items = summary.locator("xpath=..").locator("li").all()
        reasons.append([item.inner_text().strip() for item in items if item.is_visible()])
    return reasons


def enroll_in_first_course(ui: Ui, lang: str = "en") -> str:
    """Enroll in the first course of the catalog; returns its title."""
    ui.goto(reverse("recommendations:course_list"))
    ui.submit(ui.page.locator("main article a, main li a").first)
    title = ui.page.locator("main h1").inner_text().strip()
    ui.submit(button(ui, t(lang, "Enroll")))
    return title


def open_privacy_centre(ui: Ui, lang: str = "en") -> None:
    """From any page, by the header link a person would use (REQUIREMENTS B7)."""
    open_menu(ui)
    ui.submit(ui.page.locator("header").get_by_role("link", name=t(lang, "Privacy centre"), exact=True))
    assert ui.path == reverse("consent:privacy_centre")
