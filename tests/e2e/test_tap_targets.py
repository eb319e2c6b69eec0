"""Tap targets of at least 44x44 CSS px on the learner's pages (WCAG 2.2 SC 2.5.5, Target Size).

Measured in the rendered page at 375x667 (a phone), in English and Simplified
Chinese, along the learner's path: signup, the code step, the consent screen, a
question, home signed in (with the menu open too), the privacy centre and a
course page. What is measured: every visible button, link styled as a button
(.btn), header menu link, disclosure summary and form control; a radio button
or checkbox is measured as its whole row (.form-check, else its label), because
tapping the label ticks the box and the row is the target a person aims at.

Exempt, as SC 2.5.5 allows: a link inside a sentence or paragraph of text (the
"Inline" exception), so plain text links are not measured here.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.e2e import flows
from tests.e2e.ui import MOBILE

pytestmark = [pytest.mark.e2e]

MINIMUM = 44
# Sub-pixel layout (e.g. 43.997 from rem rounding) is not a smaller target.
ROUNDING = 0.05
# Numbers no other browser test uses: the suite shares one server, and a number
# already signed up would get no new sign-up code.
PHONES = {"en": ("139 0000 1631", "+8613900001631"), "zh-hans": ("139 0000 1632", "+8613900001632")}

_TARGETS = """() => {
    const seen = new Set();
    const found = [];
    const visible = el => el.checkVisibility({checkVisibilityCSS: true})
        && el.getClientRects().length > 0
        && !el.closest('.visually-hidden, .visually-hidden-focusable:not(:focus)');
    const add = (el, kind) => {
        if (seen.has(el) || !visible(el)) return;
        seen.add(el);
        const box = el.getBoundingClientRect();
        const name = (el.innerText || el.getAttribute('aria-label') || el.name || el.id || '').trim();
        found.push({kind, tag: el.tagName.toLowerCase(), name: name.slice(0, 60),
                    width: box.width, height: box.height});
    };
    const scope = 'header, main, footer';
    const controls = [
        'button', '.btn', '.nav-link', '.navbar-toggler', 'summary', 'select', 'textarea',
        'input:not([type=hidden]):not([type=checkbox]):not([type=radio])',
    ];
    for (const root of document.querySelectorAll(scope)) {
        for (const el of root.querySelectorAll(controls.join(','))) add(el, 'control');
        for (const box of root.querySelectorAll('input[type=checkbox], input[type=radio]')) {
            if (!visible(box)) continue;
            const row = box.closest('.form-check') || box.closest('label')
                || (box.labels && box.labels[0]) || box;
            add(row, 'choice row');
        }
    }
    return found;
}"""


def too_small(ui, page_name: str) -> list[str]:
    targets = ui.page.evaluate(_TARGETS)
    assert targets, f"no targets found on {page_name}: the measurement is broken"
    return [
        f"{page_name}: {t['kind']} <{t['tag']}> {t['name']!r} is {t['width']:.1f}x{t['height']:.1f}"
        for t in targets
        if t["width"] < MINIMUM - ROUNDING or t["height"] < MINIMUM - ROUNDING
    ]


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_tap_target_on_the_learners_pages_is_at_least_44_by_44(new_ui, lang):
    typed, phone = PHONES[lang]
    ui = new_ui(locale=flows.LANGUAGES[lang], viewport=MOBILE)
    problems: list[str] = []

    ui.goto(reverse("account_signup"))
    problems += too_small(ui, "signup")
    form = ui.page.locator("main form[method=post]").filter(has=ui.page.locator("input[name=phone]"))
    form.locator("input[name=phone]").fill(typed)
    form.locator("input[type=checkbox]").check()
    since = ui.app.outbox.mark()
    ui.submit(form.locator("button[type=submit]").first)

    problems += too_small(ui, "code step")
    flows.enter_code(ui, phone=phone, since=since)

    assert flows.on_consent_screen(ui), ui.page.url
    problems += too_small(ui, "consent screen")
    ui.submit(flows.button(ui, flows.t(lang, "Agree")))

    assert ui.path == reverse("onboarding:question", args=[1]), ui.page.url
    problems += too_small(ui, "question 1")
    for _ in (1, 2, 3):
        ui.submit(flows.button(ui, flows.t(lang, "Skip this question")))

    assert ui.path == reverse("home"), ui.page.url
    problems += too_small(ui, "home, signed in")
    flows.open_menu(ui)
    problems += too_small(ui, "home, menu open")

    flows.open_privacy_centre(ui, lang)
    problems += too_small(ui, "privacy centre")

    ui.goto(reverse("recommendations:course_list"))
    problems += too_small(ui, "course list")
    ui.submit(ui.page.locator("main article a, main li a").first)
    assert ui.path.startswith("/courses/"), ui.page.url
    problems += too_small(ui, "course page")

    assert not problems, "targets smaller than 44x44 CSS px (WCAG 2.5.5):\n" + "\n".join(problems)
