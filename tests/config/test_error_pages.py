"""Branded error pages, inside the layout and in the visitor's language, in development too."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings):
    # As `make run`: DEBUG on, the technical pages not asked for.
    settings.DEBUG = True
    settings.TECHNICAL_ERROR_PAGES = False
    return settings


@pytest.fixture
def learner_client(db):
    from consent.services import notices_publish_all, policy_acknowledge
    from tests.factories import LearnerFactory

    notices_publish_all()
    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test")
    client = Client()
    client.force_login(user)
    return client


def _in_layout(html: str) -> bool:
    return 'class="navbar' in html and "<footer" in html


@pytest.mark.parametrize("debug", [True, False])
def test_an_unknown_address_is_the_sites_404_in_chinese_inside_the_layout(settings, debug):
    settings.DEBUG = debug
    settings.TECHNICAL_ERROR_PAGES = False

    response = Client(HTTP_ACCEPT_LANGUAGE="zh-CN").get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "找不到该页面" in html
    assert _in_layout(html)
    assert "URLconf" not in html


def test_an_unknown_address_is_the_sites_404_in_english(development):
    html = Client().get("/no-such-page/").content.decode()

    assert "Page not found" in html
    assert "Back to the home page" in html


def test_a_404_raised_by_a_view_is_the_sites_page_in_development(development):
    response = Client().get(reverse("recommendations:course_detail", args=["no-such-course"]))

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_developers_can_ask_for_djangos_technical_404(settings):
    settings.DEBUG = True
    settings.TECHNICAL_ERROR_PAGES = True

    html = Client().get("/no-such-page/").content.decode()

    assert "URLconf" in html


def test_a_missing_slash_still_redirects(development):
    response = Client().get("/privacy-centre")

    assert response.status_code == 301
    assert response["Location"] == "/privacy-centre/"


@pytest.mark.parametrize("debug", [True, False])
def test_a_get_on_a_button_address_is_a_405_page_not_an_empty_answer(settings, debug, learner_client):
    settings.DEBUG = debug

    response = learner_client.get(reverse("consent:privacy_centre_decide"))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "This address is not a page" in html
    assert _in_layout(html)


@pytest.mark.parametrize("debug", [True, False])
def test_a_csrf_failure_is_explained_in_the_layout_in_both_languages(settings, debug):
    settings.DEBUG = debug
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE="zh-CN")

    response = client.post(reverse("account_signup"), {"phone": "13800138000"})

    html = response.content.decode()
    assert response.status_code == 403
    assert "表单已过期" in html
    assert _in_layout(html)


def test_a_bad_request_is_the_sites_400_page(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]

    response = Client().get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert "Something was wrong with that request" in response.content.decode()


def test_the_500_page_names_the_problem_in_the_visitors_language(rf):
    from django.utils import translation

    from onboarding.views import server_error

    with translation.override("zh-hans"):
        response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "出了问题" in response.content.decode()


def test_the_favicon_address_answers_instead_of_a_404_on_every_page(db):
    response = Client().get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
