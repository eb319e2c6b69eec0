"""The home page's opening lines fit the visitor's state.

A visitor who is signed out reads what signing up takes (only a mobile number,
REQUIREMENTS A1); a learner who is signed in is not asked to sign up again and
reads instead that every course stays open whatever they decide (B8).
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

SIGNED_OUT = "Every course is open to every learner. Signing up needs only a mobile number."
SIGNED_IN = "Every course is open to every learner, whatever you decide about personalization."


def _hero(html: str) -> str:
    # The hero is the page's first heading and the paragraph under it.
    start = html.index("<main")
    end = html.index('aria-labelledby="recommendations-heading"', start)
    return html[start:end]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_signed_out_visitor_reads_what_signing_up_takes(fixed_catalog, language):
    response = Client(HTTP_ACCEPT_LANGUAGE=language).get(reverse("home"))
    hero = _hero(response.content.decode())
    with translation.override(language):
        assert translation.gettext(SIGNED_OUT) in hero
        assert translation.gettext(SIGNED_IN) not in hero


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_signed_in_learner_is_not_told_to_sign_up(fixed_catalog, make_learner, language):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(make_learner())
    response = client.get(reverse("home"))
    hero = _hero(response.content.decode())
    with translation.override(language):
        assert translation.gettext(SIGNED_IN) in hero
        assert translation.gettext(SIGNED_OUT) not in hero
    assert 'href="/signup/"' not in hero
