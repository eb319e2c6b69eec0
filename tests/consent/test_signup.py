"""Signup acknowledges the privacy policy shown; the consent screen follows, once (A3, B1, B5)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from consent import selectors
from consent.models import ConsentRecord
from onboarding.consent_purposes import PRIVACY_POLICY, PROFILING
from onboarding.models import User
from tests.onboarding.helpers import last_code_for, request_login_code, signup

pytestmark = pytest.mark.django_db

PHONE = "+8613800138000"
SCREEN = reverse("consent:screen", args=[PROFILING])


def _confirm(client, django_capture_on_commit_callbacks, url_name, code):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse(url_name), {"code": code})


def test_the_signup_page_says_what_why_how_long_and_links_the_policy(client, published):
    response = client.get(reverse("account_signup"))

    html = response.content.decode()
    policy = selectors.privacy_policy_current()
    assert "we need only your mobile number" in html
    assert "to create your account and to send you the codes you sign in with" in html
    assert "How long:" in html
    assert policy.get_absolute_url() in html
    assert f'value="{policy.pk}"' in html


def test_the_box_is_unticked_and_required(client, published):
    form = client.get(reverse("account_signup")).context["form"]

    assert form.fields["privacy_policy_read"].required
    assert not form["privacy_policy_read"].value()
    assert 'name="privacy_policy_read"' in str(form["privacy_policy_read"])
    assert "checked" not in str(form["privacy_policy_read"])


def test_signup_without_the_box_is_refused_with_a_message_and_creates_no_account(
    client, django_capture_on_commit_callbacks, outbox, published
):
    policy = selectors.privacy_policy_current()

    response = signup(
        client,
        django_capture_on_commit_callbacks,
        "138 0013 8000",
        acknowledge=False,
        policy_version=policy.pk,
    )

    assert response.status_code == 200
    assert "tick the box to confirm you have read the privacy policy" in response.content.decode()
    assert not User.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert not outbox


def test_signup_records_an_acknowledgment_naming_the_policy_version_and_hash(
    client, django_capture_on_commit_callbacks, outbox
):
    signup(client, django_capture_on_commit_callbacks, "138 0013 8000")

    user = User.objects.get(phone=PHONE)
    record = ConsentRecord.objects.get(subject_id=user.subject_id)
    policy = selectors.privacy_policy_current()
    assert record.decision == "acknowledged"
    assert record.surface == "signup"
    assert record.notice_version == policy
    assert record.notice_version.version == PRIVACY_POLICY.version
    assert record.notice_sha256 == policy.sha256
    # The acknowledgment is not a consent to profiling (B1).
    assert not ConsentRecord.objects.filter(purpose=PROFILING).exists()


def test_signup_with_an_outdated_policy_version_is_refused(
    client, django_capture_on_commit_callbacks, published
):
    response = signup(client, django_capture_on_commit_callbacks, "138 0013 8000", policy_version="999999")

    assert response.status_code == 200
    assert "updated while this page was open" in response.content.decode()
    assert not User.objects.exists()


def test_the_consent_screen_follows_phone_verification_and_is_not_shown_again_after_signing_in(
    client, django_capture_on_commit_callbacks, outbox
):
    signup(client, django_capture_on_commit_callbacks, "138 0013 8000")
    response = _confirm(
        client, django_capture_on_commit_callbacks, "account_verify_phone", last_code_for(PHONE)
    )
    assert response["Location"] == SCREEN

    notice = selectors.purpose_notice_current(purpose=PROFILING)
    response = client.post(SCREEN, {"choice": "skip", "notice_version": notice.pk})
    assert response["Location"] == reverse("home")

    client.post(reverse("account_logout"))
    outbox.clear()
    cache.clear()  # the per-number SMS limit (1 a minute) is not what this test is about
    request_login_code(client, django_capture_on_commit_callbacks, "138 0013 8000")
    response = _confirm(
        client, django_capture_on_commit_callbacks, "account_confirm_login_code", last_code_for(PHONE)
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = User.objects.get(phone=PHONE)
    decisions = ConsentRecord.objects.filter(subject_id=user.subject_id).values_list("decision", flat=True)
    assert list(decisions) == ["acknowledged", "declined"]


def test_a_version_bump_shows_the_screen_again_at_the_next_sign_in(
    client, django_capture_on_commit_callbacks, outbox, granted_person, bump_profiling
):
    bump_profiling()

    request_login_code(client, django_capture_on_commit_callbacks, granted_person.phone)
    response = _confirm(
        client,
        django_capture_on_commit_callbacks,
        "account_confirm_login_code",
        last_code_for(granted_person.phone),
    )

    assert response["Location"] == SCREEN
    assert not selectors.consent_is_granted(user=granted_person, purpose=PROFILING)
