"""The favicon is declared on every page a visitor can reach, error pages included.

Browsers ask for /favicon.ico on any page without a `<link rel="icon">`; that
request 404s into the log and the tab shows no brand. Every layout (base.html,
the package's consent/base.html when a page uses it, and standalone_base.html
for the error pages that render without a database) must carry the link.
"""

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db

ICON = '<link rel="icon" href="/static/favicon.svg"'

PUBLIC_PAGES = [
    ("home", ()),
    ("account_signup", ()),
    ("account_request_login_code", ()),
    ("recommendations:course_list", ()),
    ("recommendations:how_it_works", ()),
    ("consent:privacy_policy", ()),
    ("consent:privacy_contact", ()),
    ("training", ()),
]

LEARNER_PAGES = [
    ("home", ()),
    ("consent:privacy_centre", ()),
    ("consent:screen", ("profiling",)),
    ("consent:consent_history", ()),
    ("consent:my_data", ()),
    ("consent:account_cancel", ()),
    ("onboarding:question", (1,)),
    ("onboarding:profile", ()),
    ("recommendations:my_courses", ()),
]


@pytest.fixture
def learner_client(published_notices):
    from consent.services import consent_grant, policy_acknowledge
    from tests.factories import LearnerFactory

    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test")
    # With consent, so that the questions open instead of leading to the consent screen.
    consent_grant(user=user, purpose="profiling", surface="test")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def published_notices(db):
    from consent.services import notices_publish_all

    notices_publish_all()


def _assert_icon(response, label):
    assert response.status_code == 200, (label, response.status_code)
    assert ICON in response.content.decode(), f"no favicon link on {label}"


@pytest.mark.parametrize(("name", "args"), PUBLIC_PAGES)
def test_public_pages_declare_the_favicon(published_notices, name, args):
    _assert_icon(Client().get(reverse(name, args=args)), name)


@pytest.mark.parametrize(("name", "args"), LEARNER_PAGES)
def test_signed_in_pages_declare_the_favicon(learner_client, name, args):
    _assert_icon(learner_client.get(reverse(name, args=args)), name)


def test_the_404_page_declares_the_favicon(settings):
    settings.TECHNICAL_ERROR_PAGES = False
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert ICON in response.content.decode()


@pytest.mark.parametrize("template", ["500.html", "503.html", "standalone_base.html"])
def test_the_standalone_error_pages_declare_the_favicon(template):
    # These render without a database or a session (a failing request), so they
    # are rendered here exactly as the handlers do: the template alone.
    html = render_to_string(template, request=RequestFactory().get("/"))
    assert ICON in html, template


def test_the_favicon_file_is_served():
    from django.contrib.staticfiles import finders

    assert finders.find("favicon.svg"), "static/favicon.svg is missing"
