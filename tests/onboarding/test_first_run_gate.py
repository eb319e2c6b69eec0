"""The first-run gate: acknowledge the current policy before anything else (REQUIREMENTS A2)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from consent.middleware import FirstRunGateMiddleware
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def newcomer(notices_published):
    """An account created by an operator: no acknowledgment, no consent."""
    return LearnerFactory(origin="import", phone_verified=False)


def test_a_person_who_never_acknowledged_is_sent_to_the_acknowledgment_page(client, newcomer):
    client.force_login(newcomer)

    for url in (reverse("home"), reverse("onboarding:profile"), reverse("onboarding:questions")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("consent:acknowledge")


def test_posts_are_gated_too(client, newcomer):
    client.force_login(newcomer)

    response = client.post(reverse("onboarding:profile_answer_delete", args=["occupation"]))

    assert response["Location"] == reverse("consent:acknowledge")


@pytest.mark.parametrize(
    "path",
    ["/privacy/", "/healthz", "/static/css/site.css", "/accounts/logout/", "/i18n/setlang/"],
)
def test_the_policy_logout_language_static_files_and_health_stay_reachable(client, newcomer, path):
    client.force_login(newcomer)
    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")

    response = client.get(path)

    assert response.get("Location") != reverse("consent:acknowledge")


def test_the_acknowledgment_page_itself_is_not_redirected(client, newcomer):
    client.force_login(newcomer)
    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")

    assert client.get(reverse("consent:acknowledge")).status_code == 200


def test_after_acknowledging_the_next_request_passes(client, newcomer):
    from consent.services import policy_acknowledge

    client.force_login(newcomer)
    assert client.get(reverse("home")).status_code == 302

    policy_acknowledge(user=newcomer, surface="test")

    assert client.get(reverse("home")).status_code == 200


def test_a_new_policy_version_gates_again_even_with_a_remembered_acknowledgment(client, learner, monkeypatch):
    from consent import selectors

    client.force_login(learner)
    assert client.get(reverse("home")).status_code == 200

    monkeypatch.setattr(selectors, "privacy_policy_current_label", lambda: "99.0")

    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")


def test_staff_in_the_admin_are_not_gated(client, notices_published):
    client.force_login(LearnerFactory(is_staff=True, is_superuser=True))

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")


def test_a_learner_who_is_not_staff_is_gated_in_the_admin_too(client, newcomer):
    client.force_login(newcomer)

    assert client.get(reverse("admin:index"))["Location"] == reverse("consent:acknowledge")


def _request_for(user, session_data: dict | None = None):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    request.session.update(session_data or {})
    return request


def _gate():
    return FirstRunGateMiddleware(lambda request: HttpResponse("ok"))


def test_after_sign_in_each_request_costs_the_gate_no_query(client, learner, django_assert_num_queries):
    client.force_login(learner)
    signed_in_session = dict(client.session)
    _gate()(_request_for(learner, signed_in_session))  # the current policy label is now cached

    with django_assert_num_queries(0):
        response = _gate()(_request_for(learner, signed_in_session))

    assert response.status_code == 200


def test_an_acknowledgment_found_later_is_remembered_for_the_next_requests(
    newcomer, django_assert_num_queries
):
    from consent.services import policy_acknowledge

    request = _request_for(newcomer)
    assert _gate()(request).status_code == 302
    policy_acknowledge(user=newcomer, surface="test")
    request = _request_for(newcomer, dict(request.session))
    assert _gate()(request).status_code == 200

    with django_assert_num_queries(0):
        response = _gate()(_request_for(newcomer, dict(request.session)))

    assert response.status_code == 200


def test_anonymous_requests_cost_the_gate_no_query(notices_published, django_assert_num_queries):
    with django_assert_num_queries(0):
        _gate()(_request_for(AnonymousUser()))


# --- What stays open before the acknowledgment: exercising a right, never granting (A2, PIPL 15, 45, 47) ---


def test_an_unacknowledged_account_cannot_grant_anything_from_the_privacy_centre(client, newcomer):
    from consent import selectors as consent_selectors
    from consent.models import ConsentRecord

    client.force_login(newcomer)
    notice = consent_selectors.purpose_notice_current(purpose="product_news_sms")

    response = client.post(
        reverse("consent:privacy_centre_decide"),
        {"purpose": "product_news_sms", "action": "grant", "notice_version": notice.pk},
    )

    assert response["Location"] == reverse("consent:acknowledge")
    assert not ConsentRecord.objects.filter(subject_id=newcomer.subject_id).exists()


def test_the_consent_service_refuses_a_grant_before_the_acknowledgment(newcomer):
    from consent import services as consent_services

    with pytest.raises(consent_services.PolicyNotAcknowledgedError):
        consent_services.consent_grant(user=newcomer, purpose="profiling", surface="test")


@pytest.mark.parametrize(
    "url_name",
    [
        "consent:privacy_centre",
        "consent:consent_history",
        "consent:my_data",
        "consent:account_cancel",
        "consent:account_cancelled",
    ],
)
def test_withdrawing_the_copy_of_my_data_receipts_and_cancelling_stay_reachable(client, newcomer, url_name):
    client.force_login(newcomer)

    response = client.get(reverse(url_name))

    assert response.get("Location") != reverse("consent:acknowledge")
    assert response.status_code == 200


def test_other_privacy_centre_pages_are_gated(client, newcomer):
    client.force_login(newcomer)

    response = client.get(reverse("consent:screen", args=["profiling"]))

    assert response["Location"] == reverse("consent:acknowledge")


def test_an_unacknowledged_account_can_still_withdraw(client, learner, monkeypatch):
    from consent import selectors as consent_selectors
    from consent import services as consent_services
    from consent.models import ConsentRecord

    consent_services.consent_grant(user=learner, purpose="profiling", surface="test")
    # A new policy version: the learner has not acknowledged it yet.
    monkeypatch.setattr(consent_selectors, "privacy_policy_current_label", lambda: "99.0")
    client.force_login(learner)
    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")

    response = client.post(
        reverse("consent:privacy_centre_decide"), {"purpose": "profiling", "action": "withdraw"}
    )

    assert response["Location"] == reverse("consent:privacy_centre")
    assert (
        ConsentRecord.objects.filter(subject_id=learner.subject_id).latest("sequence").decision == "withdrawn"
    )
