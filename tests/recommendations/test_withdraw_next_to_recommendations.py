"""Withdrawing is available next to the recommendations, in one click (REQUIREMENTS B7)."""

import re

import pytest
from django.urls import reverse

from consent import selectors as consent_selectors
from consent.services import consent_grant, notices_publish_all, policy_acknowledge
from tests.factories import LearnerProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def granted(client):
    notices_publish_all()
    user = UserFactory()
    policy_acknowledge(user=user, surface="test")
    consent_grant(user=user, purpose="profiling", surface="test")
    LearnerProfileFactory(user=user, learning_goal="business")
    client.force_login(user)
    return user


def test_home_offers_a_one_click_withdrawal_next_to_the_recommendations(client, granted):
    html = client.get("/").content.decode()
    action = reverse("consent:privacy_centre_decide")
    form = re.search(rf'<form method="post" action="{action}".*?</form>', html, re.S)
    assert form, "no withdrawal form on the home page"
    assert 'name="action" value="withdraw"' in form.group(0)
    assert form.group(0).count("<button") == 1


def test_that_click_withdraws_and_the_next_home_page_is_not_personalized(
    client, granted, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("consent:privacy_centre_decide"), {"purpose": "profiling", "action": "withdraw"})
    assert not consent_selectors.consent_is_granted(user=granted, purpose="profiling")
    assert "Popular with learners" in client.get("/").content.decode()


def test_without_a_grant_there_is_nothing_to_withdraw_on_home(client):
    notices_publish_all()
    user = UserFactory()
    policy_acknowledge(user=user, surface="test")
    client.force_login(user)
    assert reverse("consent:privacy_centre_decide") not in client.get("/").content.decode()
