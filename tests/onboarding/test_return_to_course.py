"""'Sign up to enroll' leads back to the course, after the first-run screens (REQUIREMENTS A2, B1)."""

import pytest
from django.urls import reverse

from tests.factories import CourseFactory
from tests.onboarding.helpers import last_code_for, signup

pytestmark = pytest.mark.django_db

PHONE = "+8613800138000"


@pytest.fixture(autouse=True)
def _sms(outbox):
    return outbox


def _post(client, capture, url, data):
    with capture(execute=True):
        return client.post(url, data)


def _sign_up_from(client, capture, next_url):
    signup(client, capture, "138 0013 8000", next=next_url)
    return _post(client, capture, reverse("account_verify_phone"), {"code": last_code_for(PHONE)})


def _decide(client, capture, choice):
    url = reverse("consent:screen", args=["profiling"])
    form = client.get(url).context["form"]
    return _post(client, capture, url, {"choice": choice, "notice_version": form["notice_version"].value()})


def test_the_course_page_offers_sign_up_with_the_course_as_next(client):
    course = CourseFactory()

    html = client.get(course.get_absolute_url()).content.decode()

    assert f"{reverse('account_signup')}?next={course.get_absolute_url()}" in html


def test_after_signup_the_consent_screen_comes_first_then_skip_returns_to_the_course(
    client, django_capture_on_commit_callbacks
):
    course_url = CourseFactory().get_absolute_url()

    verified = _sign_up_from(client, django_capture_on_commit_callbacks, course_url)
    assert verified["Location"] == reverse("consent:screen", args=["profiling"])

    skipped = _decide(client, django_capture_on_commit_callbacks, "skip")
    assert client.get(skipped["Location"])["Location"] == course_url
    # Only once: home is home again afterwards.
    assert client.get(reverse("home")).status_code == 200


def test_after_agree_and_the_questions_the_course_comes_next(client, django_capture_on_commit_callbacks):
    course_url = CourseFactory().get_absolute_url()
    _sign_up_from(client, django_capture_on_commit_callbacks, course_url)

    agreed = _decide(client, django_capture_on_commit_callbacks, "agree")
    assert agreed["Location"] == reverse("onboarding:questions")
    finished = _post(
        client,
        django_capture_on_commit_callbacks,
        reverse("onboarding:question", args=[1]),
        {"action": "skip_rest"},
    )

    assert finished["Location"] == course_url


def test_a_next_to_another_site_is_never_followed(client, django_capture_on_commit_callbacks):
    _sign_up_from(client, django_capture_on_commit_callbacks, "https://evil.example/phish")

    skipped = _decide(client, django_capture_on_commit_callbacks, "skip")

    assert skipped["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
