"""The whole first run, driven through the real pages (REQUIREMENTS A2, A5, B4).

The path the court's plaintiff never got: an account created for him, then
at first sign-in the policy, then a consent screen he can skip, then the
full product with nothing collected.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from onboarding.models import LearnerProfile, User
from onboarding.selectors import PROFILE_ANSWER_FIELDS
from tests.onboarding.helpers import last_code_for, request_login_code, signup

pytestmark = pytest.mark.django_db

PHONE = "+8613800138000"


def _ledger(user) -> list[tuple[str, str, str]]:
    from consent.selectors import consent_records_for_user

    oldest_first = reversed(consent_records_for_user(user=user))
    return [(record.purpose, record.decision, record.surface) for record in oldest_first]


def _post(client, django_capture_on_commit_callbacks, url: str, data: dict):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def _consent_screen_choice(client, django_capture_on_commit_callbacks, choice: str):
    url = reverse("consent:screen", args=["profiling"])
    form = client.get(url).context["form"]
    return _post(
        client,
        django_capture_on_commit_callbacks,
        url,
        {"choice": choice, "notice_version": form["notice_version"].value()},
    )


def _stored(user) -> dict:
    return LearnerProfile.objects.filter(user=user).values(*PROFILE_ANSWER_FIELDS).get()


def test_an_imported_accounts_first_sign_in_asks_the_policy_then_consent_and_skip_reaches_home(
    client, django_capture_on_commit_callbacks, notices_published, tmp_path, outbox
):
    csv_file = tmp_path / "class_7b.csv"
    csv_file.write_text("phone\n138 0013 8000\n", encoding="utf-8")
    call_command("import_learners", str(csv_file), stdout=StringIO(), stderr=StringIO())
    user = User.objects.get(phone=PHONE)
    assert user.origin == User.Origin.IMPORT
    assert _ledger(user) == []
    assert outbox == []

    # The person decides to sign in, by code, like anyone else.
    request_login_code(client, django_capture_on_commit_callbacks, "13800138000")
    response = _post(
        client,
        django_capture_on_commit_callbacks,
        reverse("account_confirm_login_code"),
        {"code": last_code_for(PHONE)},
    )
    assert response.status_code == 302
    # Whatever the sign-in redirects to, the policy comes first.
    landing = client.get(response["Location"], follow=True)
    assert landing.wsgi_request.path == reverse("consent:acknowledge")
    assert client.get(reverse("home"))["Location"] == reverse("consent:acknowledge")

    form = client.get(reverse("consent:acknowledge")).context["form"]
    response = _post(
        client,
        django_capture_on_commit_callbacks,
        reverse("consent:acknowledge"),
        {"privacy_policy_read": "on", "policy_version": form["policy_version"].value()},
    )
    assert response["Location"] == reverse("consent:screen", args=["profiling"])

    response = _consent_screen_choice(client, django_capture_on_commit_callbacks, "skip")
    assert response["Location"] == reverse("home")

    assert client.get(reverse("home")).status_code == 200
    assert not LearnerProfile.objects.filter(user=user).exists()
    assert _ledger(user) == [
        ("account", "acknowledged", "first_run"),
        ("profiling", "declined", "onboarding.consent"),
    ]


def test_skipping_the_consent_screen_after_signup_writes_no_profile_and_home_works(
    client, django_capture_on_commit_callbacks, outbox
):
    signup(client, django_capture_on_commit_callbacks, "138 0013 8000")
    _post(
        client,
        django_capture_on_commit_callbacks,
        reverse("account_verify_phone"),
        {"code": last_code_for(PHONE)},
    )

    response = _consent_screen_choice(client, django_capture_on_commit_callbacks, "skip")

    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("onboarding:question", args=[1]))["Location"] == reverse(
        "consent:screen", args=["profiling"]
    )
    assert not LearnerProfile.objects.exists()


def test_agree_on_the_consent_screen_leads_to_the_questions_and_answers_are_stored(
    client, django_capture_on_commit_callbacks, learner
):
    client.force_login(learner)

    response = _consent_screen_choice(client, django_capture_on_commit_callbacks, "agree")
    assert response["Location"] == reverse("onboarding:questions")
    first = client.get(response["Location"], follow=True)
    assert "Question 1 of 3" in first.content.decode()

    client.post(reverse("onboarding:question", args=[1]), {"action": "skip"})
    client.post(reverse("onboarding:question", args=[2]), {"action": "next", "answer": "exam_preparation"})
    response = client.post(reverse("onboarding:question", args=[3]), {"action": "next", "answer": "C2"})

    assert response["Location"] == reverse("home")
    assert _stored(learner) == {
        "occupation": None,
        "learning_goal": "exam_preparation",
        "english_level": "C2",
    }
