"""The trainers' kit: side notes on each screen and the /training/ page (REQUIREMENTS A4, B2)."""

import pytest
from django.urls import reverse

from training.tour import TOUR_NOTES

pytestmark = pytest.mark.django_db


def test_with_the_tour_on_the_signup_page_explains_itself(client, settings):
    settings.COMPLIANCE_TOUR = True
    html = client.get(reverse("account_signup")).content.decode()
    assert "Why this screen looks like this" in html
    assert "A1, A3, F2" in html
    assert "NEC art 5" in html


def test_the_tour_is_off_by_default(client, settings):
    settings.COMPLIANCE_TOUR = False
    html = client.get(reverse("account_signup")).content.decode()
    assert "Why this screen looks like this" not in html


def test_every_tour_note_names_a_screen_that_exists():
    from django.urls import NoReverseMatch

    for view_name in TOUR_NOTES:
        try:
            reverse(view_name)
        except NoReverseMatch:
            # Screens with arguments: the name must at least be registered.
            from django.urls import get_resolver

            namespace, _, name = view_name.rpartition(":")
            resolver = get_resolver()
            if namespace:
                resolver = resolver.namespace_dict[namespace][1]
            assert name in resolver.reverse_dict, view_name


def test_the_training_page_tells_the_case_and_the_path(client):
    response = client.get(reverse("training"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "京04民终494号" in html
    assert "The condemned app" in html
    assert "Agree and Skip are the same button" in html


def test_the_training_page_shows_our_screenshots_in_the_readers_language(client):
    english = client.get(reverse("training")).content.decode()
    chinese = client.get(reverse("training"), HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "screenshots/en-desktop-" in english
    assert "screenshots/zh-desktop-" in chinese


def test_each_training_step_links_to_its_live_screen_and_explains_its_requirement_codes(client):
    html = client.get(reverse("training")).content.decode()

    for url in (
        reverse("account_signup"),
        reverse("consent:screen", args=["profiling"]),
        reverse("onboarding:question", args=[1]),
        reverse("consent:privacy_centre"),
    ):
        assert f'href="{url}"' in html
    assert "Open this screen" in html
    assert "Agree and Skip are equally prominent; nothing is pre-ticked." in html
    assert "A copy of all personal data, readable and as a file." in html


def test_every_requirement_code_a_step_cites_has_a_one_line_explanation():
    from training.steps import REQUIREMENT_SUMMARIES, training_steps

    for step in training_steps(language="en"):
        for code, summary in step.requirements:
            assert summary, f"{code} of step {step.title} is not explained"
    assert set(REQUIREMENT_SUMMARIES) >= {
        code for step in training_steps(language="en") for code in step.requirement_ids
    }


def test_the_rights_screens_carry_a_tour_note(client, settings):
    settings.COMPLIANCE_TOUR = True
    for view_name in ("consent:my_data", "consent:consent_history", "consent:account_cancel"):
        assert view_name in TOUR_NOTES


def test_every_training_step_has_a_screenshot_in_both_languages():
    from training.steps import training_steps

    for language in ("en", "zh-hans"):
        missing = [str(step.title) for step in training_steps(language=language) if not step.screenshot]
        assert missing == [], f"no screenshot for {missing} in {language}: run make screenshots"
