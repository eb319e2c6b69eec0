"""No rule is written twice: each web view's service or selector is the one its API counterpart calls (G1).

Each case patches one service (wrapping the real one, so behaviour is
unchanged) and drives the web view and then the API endpoint: both must
call it, for their own person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from unittest import mock

import pytest
from django.urls import reverse

from consent.selectors import privacy_policy_current, purpose_notice_current
from consent.services import consent_grant, policy_acknowledge
from onboarding.consent_purposes import PROFILING
from tests.api.conftest import API, AUTH, AppClient
from tests.consent.test_cancellation import _cancel as web_cancel
from tests.factories import CourseFactory, EnrollmentFactory, LearnerFactory
from tests.onboarding.helpers import last_code_for

WEB_PHONE = "+8613800138000"  # the number the web cancellation helper reads codes for
APP_PHONE = "+8613700137001"


@dataclass
class World:
    web: object  # django.test.Client, signed in
    web_user: object
    app: AppClient
    app_user: object
    capture: Callable


@pytest.fixture
def world(published, client, django_capture_on_commit_callbacks) -> World:
    from onboarding.models import User

    web_user = LearnerFactory(phone=WEB_PHONE)
    policy_acknowledge(user=web_user, surface="test")
    consent_grant(user=web_user, purpose=PROFILING, surface="test")
    client.force_login(web_user)
    app = AppClient(capture=django_capture_on_commit_callbacks)
    assert app.signup(APP_PHONE).status_code == 200
    app_user = User.objects.get(phone=APP_PHONE)
    consent_grant(user=app_user, purpose=PROFILING, surface="test")
    CourseFactory(slug="shared-course")
    return World(client, web_user, app, app_user, django_capture_on_commit_callbacks)


def _notice_id(purpose: str) -> int:
    return purpose_notice_current(purpose=purpose).pk


CASES = {
    "consent.services.consent_screen_answer": (
        lambda w: w.web.post(
            reverse("consent:screen", args=["profiling"]),
            {"choice": "skip", "notice_version": _notice_id("profiling")},
        ),
        lambda w: w.app.post(
            f"{API}/consent/profiling", {"choice": "skip", "notice_version": _notice_id("profiling")}
        ),
    ),
    "consent.services.consent_grant": (
        lambda w: w.web.post(
            reverse("consent:privacy_centre_decide"),
            {
                "purpose": "product_news_sms",
                "action": "grant",
                "notice_version": _notice_id("product_news_sms"),
            },
        ),
        lambda w: w.app.post(
            f"{API}/privacy-centre/product_news_sms/grant", {"notice_version": _notice_id("product_news_sms")}
        ),
    ),
    "consent.services.consent_withdraw": (
        lambda w: w.web.post(
            reverse("consent:privacy_centre_decide"), {"purpose": "profiling", "action": "withdraw"}
        ),
        lambda w: w.app.post(f"{API}/privacy-centre/profiling/withdraw"),
    ),
    "consent.selectors.privacy_centre_purposes": (
        lambda w: w.web.get(reverse("consent:privacy_centre")),
        lambda w: w.app.get(f"{API}/privacy-centre"),
    ),
    "consent.selectors.consent_records_for_user": (
        lambda w: w.web.get(reverse("consent:consent_history")),
        lambda w: w.app.get(f"{API}/privacy-centre/history"),
    ),
    "consent.services.data_export_request": (
        lambda w: w.web.post(reverse("consent:export_request")),
        lambda w: w.app.post(f"{API}/privacy-centre/exports"),
    ),
    "onboarding.services.learner_profile_set_answer": (
        lambda w: w.web.post(
            reverse("onboarding:question", args=[1]), {"action": "next", "answer": "teacher"}
        ),
        lambda w: w.app.put(f"{API}/profile/answers/occupation", {"answer": "teacher"}),
    ),
    "onboarding.services.learner_profile_delete_answer": (
        lambda w: w.web.post(reverse("onboarding:profile_answer_delete", args=["occupation"])),
        lambda w: w.app.delete(f"{API}/profile/answers/occupation"),
    ),
    "onboarding.selectors.learner_profile_answers": (
        lambda w: w.web.get(reverse("onboarding:question", args=[1])),
        lambda w: w.app.get(f"{API}/profile/questions"),
    ),
    "recommendations.selectors.recommendations_for": (
        lambda w: w.web.get(reverse("home")),
        lambda w: w.app.get(f"{API}/recommendations"),
    ),
    "recommendations.services.personalization_set": (
        lambda w: w.web.post(reverse("recommendations:personalization_switch"), {"enabled": "off"}),
        lambda w: w.app.put(f"{API}/recommendations/personalization", {"enabled": False}),
    ),
    "recommendations.selectors.course_catalog_page": (
        lambda w: w.web.get(reverse("recommendations:course_list")),
        lambda w: w.app.get(f"{API}/courses"),
    ),
    "recommendations.services.enrollment_create": (
        lambda w: w.web.post(reverse("recommendations:course_enroll", args=["shared-course"])),
        lambda w: w.app.put(f"{API}/courses/shared-course/enrollment"),
    ),
    "recommendations.selectors.course_progress": (
        lambda w: w.web.get(reverse("recommendations:course_detail", args=["shared-course"])),
        lambda w: w.app.get(f"{API}/courses/shared-course"),
    ),
    "recommendations.services.enrollment_delete": (
        lambda w: w.web.post(reverse("recommendations:course_leave", args=["shared-course"])),
        lambda w: w.app.delete(f"{API}/courses/shared-course/enrollment"),
    ),
}


def _called_for(spy, user) -> bool:
    return any(call.kwargs.get("user") == user for call in spy.call_args_list)


@pytest.mark.parametrize("target", list(CASES))
def test_the_web_view_and_its_api_counterpart_call_the_same_function(world, target):
    web_call, api_call = CASES[target]
    module_path, name = target.rsplit(".", 1)
    module = __import__(module_path, fromlist=[name])
    real = getattr(module, name)
    with mock.patch.object(module, name, wraps=real) as spy:
        with world.capture(execute=True):
            web_response = web_call(world)
        assert web_response.status_code < 400, (web_response.status_code, target)
        web_calls = spy.call_count
        assert web_calls, f"the web view did not call {target}"
        api_response = api_call(world)
        assert api_response.status_code < 400, (api_response.status_code, api_response.content, target)
        assert spy.call_count > web_calls, f"the API did not call {target}"
    # Functions about a person were called for each side's own person.
    if any("user" in call.kwargs for call in spy.call_args_list):
        assert _called_for(spy, world.web_user)
        assert _called_for(spy, world.app_user)


def test_the_web_and_the_api_acknowledge_the_policy_through_the_same_service(
    published, client, django_capture_on_commit_callbacks
):
    web_user = LearnerFactory(phone_verified=False, origin="import")
    client.force_login(web_user)
    app = AppClient(capture=django_capture_on_commit_callbacks)
    app_user = LearnerFactory(phone=APP_PHONE, phone_verified=False, origin="import")
    assert app.login(APP_PHONE).status_code == 200
    version = privacy_policy_current().pk
    with mock.patch("consent.services.policy_acknowledge", wraps=policy_acknowledge) as spy:
        client.post(reverse("consent:acknowledge"), {"privacy_policy_read": "on", "policy_version": version})
        app.post(f"{API}/acknowledgment", {"privacy_policy_read": True, "policy_version": version})
    assert _called_for(spy, web_user)
    assert _called_for(spy, app_user)


def test_signup_on_the_web_and_in_the_app_records_the_acknowledgment_through_the_same_adapter(
    published, client, django_capture_on_commit_callbacks
):
    from tests.onboarding.helpers import signup as web_signup

    with mock.patch("consent.services.policy_acknowledge", wraps=policy_acknowledge) as spy:
        web_signup(client, django_capture_on_commit_callbacks, WEB_PHONE)
        app = AppClient(capture=django_capture_on_commit_callbacks)
        app.signup(APP_PHONE)
    surfaces = sorted(call.kwargs["surface"] for call in spy.call_args_list)
    assert surfaces == ["app", "signup"]


def test_the_web_and_the_api_cancel_through_the_same_service(world, advance_clock):
    from consent import services

    with mock.patch.object(services, "account_cancel", wraps=services.account_cancel) as spy:
        web_cancel(world.web, world.capture, world.web_user)
        assert _called_for(spy, world.web_user)
        advance_clock(seconds=61)
        world.app.post(f"{AUTH}/auth/reauthenticate/code/request", {"phone": APP_PHONE})
        world.app.post(f"{AUTH}/auth/reauthenticate/code/confirm", {"code": last_code_for(APP_PHONE)})
        assert world.app.post(f"{API}/privacy-centre/cancel-account").status_code == 202
        assert _called_for(spy, world.app_user)


def test_the_web_and_the_api_mark_a_lesson_done_through_the_same_service(world):
    from recommendations import services
    from recommendations.models import Course, Lesson

    course = Course.objects.get(slug="shared-course")
    Lesson.objects.create(
        course=course, position=1, title_en="One", title_zh_hans="一", body_en="Text.", body_zh_hans="文。"
    )
    EnrollmentFactory(user=world.web_user, course=course)
    EnrollmentFactory(user=world.app_user, course=course)
    with mock.patch.object(services, "lesson_mark_done", wraps=services.lesson_mark_done) as spy:
        world.web.post(reverse("recommendations:lesson_done", args=["shared-course", 1]))
        world.app.post(f"{API}/courses/shared-course/lessons/1/done")
    assert _called_for(spy, world.web_user)
    assert _called_for(spy, world.app_user)
