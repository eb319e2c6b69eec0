"""Only the session and CSRF cookies, for everyone (REQUIREMENTS A5; GDPR 25(2))."""

import pytest
from django.urls import reverse

from consent.services import notices_publish_all
from tests.onboarding.helpers import last_code_for, signup

pytestmark = pytest.mark.django_db

ALLOWED = {"sessionid", "csrftoken"}


def test_a_visitor_browsing_gets_no_cookie_but_the_session_and_csrf_ones(client):
    notices_publish_all()
    for path in (
        "/",
        reverse("recommendations:course_list"),
        reverse("consent:privacy_policy"),
        reverse("account_signup"),
        reverse("recommendations:how_it_works"),
    ):
        client.get(path)
    assert set(client.cookies) <= ALLOWED


def test_a_whole_signup_sets_no_other_cookie(client, django_capture_on_commit_callbacks, outbox):
    signup(client, django_capture_on_commit_callbacks, "138 0013 8000")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_verify_phone"), {"code": last_code_for("+8613800138000")}, follow=True)
    client.get("/")
    assert client.session.get("_auth_user_id")
    assert set(client.cookies) <= ALLOWED
