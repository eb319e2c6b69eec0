"""Journey: enroll, start, mark a lesson as done, next lesson, progress on My courses.

On a phone (375x667), in English and in Simplified Chinese. The learner skipped
the profile: lessons and progress work fully without one (REQUIREMENTS A1, B8).
"""

import pytest
from django.urls import reverse

from tests.e2e import flows
from tests.e2e.ui import MOBILE

COURSE = "first-steps-in-english"
LESSONS = 5

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (flows.url_exists("consent:screen", "profiling") and flows.url_exists("onboarding:questions")),
        reason="feature not landed yet: consent:screen or onboarding:questions",
    ),
]


def link(ui, label):
    return ui.page.locator("main").get_by_role("link", name=label, exact=True)


def assert_fits_the_phone(ui, element):
    assert element.is_visible()
    box = element.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= MOBILE["width"], f"{box} is wider than the phone"


@pytest.mark.parametrize(
    ("lang", "locale", "typed", "phone"),
    [
        ("en", "en-US", "139 0000 1901", "+8613900001901"),
        ("zh-hans", "zh-CN", "139 0000 1902", "+8613900001902"),
    ],
    ids=["english", "chinese"],
)
def test_enroll_start_mark_done_next_lesson_and_see_progress_on_a_phone(new_ui, lang, locale, typed, phone):
    ui = new_ui(locale=locale, viewport=MOBILE)
    flows.sign_up_and_skip(ui, lang=lang, typed=typed, phone=phone)

    ui.goto(reverse("recommendations:course_detail", args=[COURSE]))
    assert flows.t(lang, "Syllabus") in ui.main_text()
    ui.submit(flows.button(ui, flows.t(lang, "Enroll")))

    start = link(ui, flows.t(lang, "Start"))
    assert_fits_the_phone(ui, start)
    ui.step("course-enrolled")
    ui.submit(start)
    assert ui.path == reverse("recommendations:lesson_detail", args=[COURSE, 1])
    lesson_of = flows.t(lang, "Lesson %(number)s of %(total)s") % {"number": 1, "total": LESSONS}
    assert lesson_of in ui.main_text()

    mark_done = flows.button(ui, flows.t(lang, "Mark as done"))
    assert_fits_the_phone(ui, mark_done)
    ui.submit(mark_done)
    assert ui.path == reverse("recommendations:lesson_detail", args=[COURSE, 1])
    assert ui.page.locator("main [data-lesson-done]").inner_text().strip() == flows.t(lang, "Done")
    assert flows.button(ui, flows.t(lang, "Mark as done")).count() == 0
    ui.step("lesson-done")

    next_lesson = link(ui, flows.t(lang, "Next lesson"))
    assert_fits_the_phone(ui, next_lesson)
    ui.submit(next_lesson)
    assert ui.path == reverse("recommendations:lesson_detail", args=[COURSE, 2])
    assert flows.button(ui, flows.t(lang, "Mark as done")).is_visible()

    ui.goto(reverse("recommendations:my_courses"))
    progress = flows.t(lang, "%(done)s of %(total)s lessons done.") % {"done": 1, "total": LESSONS}
    row = ui.page.locator("main [data-progress]")
    assert row.count() == 1
    assert progress in row.inner_text()
    assert_fits_the_phone(ui, row)
    ui.step("my-courses-progress")
