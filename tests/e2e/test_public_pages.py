"""What an anonymous visitor can open: every page checked by axe-core and the network guard.

REQUIREMENTS A4 (the privacy policy one click away, in the footer of every
page), A5 (no third-party requests), C1 (anonymous visitors get the same
non-personalized list), C3 (a public page explains the recommendations).
"""

import pytest
from django.urls import reverse

from tests.e2e import flows

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (flows.url_exists("consent:privacy_policy") and flows.url_exists("recommendations:how_it_works")),
        reason="feature not landed yet: consent:privacy_policy or how_it_works",
    ),
]


def footer_link(ui, label):
    return ui.page.locator("footer").get_by_role("link", name=label, exact=True)


def test_an_anonymous_visitor_reaches_the_policy_and_the_explanation_from_the_footer(ui):
    ui.goto(reverse("home"))
    assert not flows.is_personalized(ui, "en")

    ui.submit(footer_link(ui, "Privacy policy"))
    assert ui.path == reverse("consent:privacy_policy")

    ui.submit(footer_link(ui, "How recommendations work"))
    assert ui.path == reverse("recommendations:how_it_works")


def test_an_anonymous_visitor_browses_the_catalog_without_signing_up(ui):
    # A1: every course is open; signing up is offered, never required to look.
    ui.goto(reverse("recommendations:course_list"))
    ui.submit(ui.page.locator("main article a, main li a").first)
    assert ui.path.startswith("/courses/")
    assert ui.page.locator("main").get_by_role("link", name="Sign up to enroll").is_visible()
    ui.submit(footer_link(ui, "Privacy policy"))
    assert ui.path == reverse("consent:privacy_policy")


def test_a_wrong_address_in_make_run_is_the_sites_404_in_chinese_inside_the_layout(new_ui):
    # The e2e server runs with DEBUG on, as `make run` does.
    ui = new_ui(locale="zh-CN")
    response = ui.page.goto("/no-such-page/")
    ui.check()

    assert response.status == 404
    assert ui.page.locator("main h1").inner_text().strip() == flows.t("zh-hans", "Page not found")
    assert ui.page.locator("header nav").count() == 1
    assert (
        ui.page.locator("footer").get_by_role("link", name=flows.t("zh-hans", "Privacy policy")).count() == 1
    )
    assert "URLconf" not in ui.page.content()
