"""The footer's language switcher changes the language of the next page (A4).

The form is read from the rendered footer, as a browser would submit it, and
posted to Django's set_language view.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from consent.services import notices_publish_all
from tests.i18n.visible_text import english_left

pytestmark = pytest.mark.django_db

SWITCHER = re.compile(r'<form action="(?P<action>[^"]+)" method="post"[^>]*>(?P<body>.*?)</form>', re.S)


@pytest.fixture(autouse=True)
def _published(db):
    notices_publish_all()


def footer_switcher(html: str) -> tuple[str, str, list[str]]:
    """The switcher's action, its hidden `next` and the languages it offers."""
    for match in SWITCHER.finditer(html):
        if match["action"] == reverse("set_language"):
            body = match["body"]
            next_url = re.search(r'name="next" type="hidden" value="([^"]*)"', body)[1]
            return match["action"], next_url, re.findall(r'<option value="([^"]+)"', body)
    raise AssertionError("no language switcher posting to set_language on the page")


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def test_the_footer_offers_english_and_simplified_chinese():
    html = Client().get(reverse("home")).content.decode()

    assert footer_switcher(html)[2] == ["en", "zh-hans"]


def test_choosing_chinese_in_an_english_browser_shows_the_next_page_in_chinese():
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    action, next_url, _ = footer_switcher(
        browser.get(reverse("recommendations:course_list")).content.decode()
    )

    response = browser.post(action, {"language": "zh-hans", "next": next_url}, follow=True)

    html = response.content.decode()
    assert response.redirect_chain == [(reverse("recommendations:course_list"), 302)]
    assert '<html lang="zh-hans">' in html
    assert in_language("zh-hans", "All courses") in html
    assert not english_left(html, data_texts=())


def test_choosing_english_in_a_chinese_browser_shows_the_next_page_in_english():
    browser = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    action, next_url, _ = footer_switcher(browser.get(reverse("home")).content.decode())

    html = browser.post(action, {"language": "en", "next": next_url}, follow=True).content.decode()

    assert '<html lang="en">' in html
    assert "Learn English at your own pace" in html


def test_the_chosen_language_is_kept_for_the_following_pages():
    browser = Client(HTTP_ACCEPT_LANGUAGE="en")
    action, next_url, _ = footer_switcher(browser.get(reverse("home")).content.decode())
    browser.post(action, {"language": "zh-hans", "next": next_url})

    html = browser.get(reverse("recommendations:how_it_works")).content.decode()

    assert '<html lang="zh-hans">' in html
    assert in_language("zh-hans", "How recommendations work") in html
