"""Journey (8): journeys (1) and (2) in Simplified Chinese (REQUIREMENTS A4, B2).

The browser is set to zh-CN (navigator.language and Accept-Language), as a
learner's phone in China is; every label the journey looks for comes from the
app's Chinese catalog, so an untranslated screen fails here.
"""

import re

import pytest

from config.settings import BASE_DIR
from tests.e2e import flows

CATALOG = BASE_DIR / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
HAN = re.compile(r"[\u4e00-\u9fff]")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (flows.url_exists("consent:screen", "profiling") and flows.url_exists("onboarding:questions")),
        reason="feature not landed yet: consent:screen or onboarding:questions",
    ),
    pytest.mark.skipif(
        not CATALOG.exists(), reason=f"the Simplified Chinese catalog is not written yet: {CATALOG}"
    ),
]


@pytest.fixture(autouse=True)
def _catalog_is_compiled():
    # Otherwise the labels fall back to English and the journey would pass in English.
    for msgid in ("Agree", "Skip", "Next", "Skip this question", "Popular with learners", "Why this course?"):
        translated = flows.t("zh-hans", msgid)
        assert HAN.search(translated), f"{msgid!r} has no Chinese translation (compilemessages?)"


def assert_chinese_page(ui):
    assert ui.page.locator("html").get_attribute("lang") == "zh-hans"
    assert HAN.search(ui.page.title()), ui.page.title()


def test_journey_one_skip_in_simplified_chinese(new_ui):
    ui = new_ui(locale="zh-CN")
    flows.sign_up_and_skip(ui, lang="zh-hans", typed="139 0000 0801", phone="+8613900000801")

    assert_chinese_page(ui)
    assert flows.home_heading(ui) == flows.t("zh-hans", "Popular with learners")


def test_journey_two_agree_in_simplified_chinese(new_ui):
    ui = new_ui(locale="zh-CN")
    flows.sign_up_and_agree(
        ui, lang="zh-hans", typed="139 0000 0802", phone="+8613900000802", answers={1: "teacher", 3: "A2"}
    )

    assert_chinese_page(ui)
    assert flows.is_personalized(ui, "zh-hans")
    reasons = flows.why_this_course(ui, "zh-hans")
    assert any(HAN.search(reason) for course in reasons for reason in course), reasons
