"""Hostile input on every signed-in form and query parameter answers 2xx/3xx/4xx, never 500 (F3).

Each property posts arbitrary text (unicode, control characters, SQL and HTML
fragments, very long strings) into one field of one form, as a learner who
has agreed to profiling, and checks the status and that nothing was stored
that the form would not accept.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consent.services import consent_grant, notices_publish_all, policy_acknowledge
from onboarding.choices import EnglishLevel, LearningGoal, Occupation
from onboarding.models import LearnerProfile, User
from recommendations.models import PersonalizationPreference
from tests.factories import CourseFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "\x00",
            "\u202e\u200b",
            "../../etc/passwd",
            "9" * 5000,
            "-1",
            "1e309",
            "NaN",
            "profiling",
            "withdraw",
        ]
    ),
)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
VALID_ANSWERS = {*Occupation.values, *LearningGoal.values, *EnglishLevel.values}


@pytest.fixture
def learner():
    notices_publish_all()
    user = UserFactory()
    policy_acknowledge(user=user, surface="test")
    consent_grant(user=user, purpose="profiling", surface="test")
    CourseFactory.create_batch(3)
    return user


def _client(user) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


@FUZZ
@given(answer=HOSTILE, action=HOSTILE, step=st.integers(min_value=-5, max_value=10))
def test_question_answers_never_answer_500_and_store_only_curated_choices(learner, answer, action, step):
    response = _client(learner).post(f"/welcome/questions/{step}/", {"answer": answer, "action": action})
    assert response.status_code < 500
    stored = LearnerProfile.objects.filter(user=learner).values_list(
        "occupation", "learning_goal", "english_level"
    )
    assert {value for row in stored for value in row if value} <= VALID_ANSWERS


@FUZZ
@given(answer=HOSTILE, field=HOSTILE)
def test_changing_a_tag_never_answers_500(learner, answer, field):
    path = f"/profile/answers/{field.replace('/', '')}/" if field.strip("/") else "/profile/answers/x/"
    response = _client(learner).post(path, {"answer": answer})
    assert response.status_code < 500


@FUZZ
@given(enabled=HOSTILE)
def test_the_personalization_switch_never_answers_500_and_keeps_a_boolean(learner, enabled):
    response = _client(learner).post(reverse("recommendations:personalization_switch"), {"enabled": enabled})
    assert response.status_code < 500
    assert set(PersonalizationPreference.objects.values_list("enabled", flat=True)) <= {True, False}


@FUZZ
@given(
    choice=HOSTILE,
    version=HOSTILE,
    purpose=st.sampled_from(["profiling", "account", "product_news_sms", "x"]),
)
def test_the_consent_screen_never_answers_500(learner, choice, version, purpose):
    response = _client(learner).post(
        reverse("consent:screen", args=[purpose]), {"choice": choice, "notice_version": version}
    )
    assert response.status_code < 500


@FUZZ
@given(purpose=HOSTILE, action=HOSTILE, version=HOSTILE)
def test_privacy_centre_decisions_never_answer_500(learner, purpose, action, version):
    response = _client(learner).post(
        reverse("consent:privacy_centre_decide"),
        {"purpose": purpose, "action": action, "notice_version": version},
    )
    assert response.status_code < 500


@FUZZ
@given(page=HOSTILE)
def test_pagination_never_answers_500(learner, page):
    client = _client(learner)
    for name in ("recommendations:course_list", "recommendations:my_courses"):
        assert client.get(reverse(name), {"page": page}).status_code < 500


@FUZZ
@given(language=HOSTILE, next_url=HOSTILE)
def test_the_language_switch_never_answers_500(learner, language, next_url):
    response = _client(learner).post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code < 500


@FUZZ
@given(version=HOSTILE)
def test_dismissing_the_invitation_never_answers_500(learner, version):
    response = _client(learner).post(
        reverse("recommendations:invitation_dismiss"), {"notice_version": version}
    )
    assert response.status_code < 500


@FUZZ
@given(slug=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=60))
def test_enrolling_in_any_slug_never_answers_500(learner, slug):
    response = _client(learner).post(f"/courses/{slug}/enroll/")
    assert response.status_code < 500


@settings(max_examples=30, deadline=None)
@given(
    rows=st.lists(HOSTILE, max_size=8),
    header=st.sampled_from(["phone", "Phone", "mobile", "", "phone,extra"]),
)
def test_the_csv_import_reports_bad_lines_and_never_crashes(tmp_path_factory, rows, header):
    csv_file = tmp_path_factory.mktemp("csv") / "learners.csv"
    csv_file.write_text(
        "\n".join([header, *(row.replace("\n", " ").replace("\r", " ") for row in rows)]), "utf-8"
    )
    before = User.objects.count()
    try:
        call_command("import_learners", str(csv_file), stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError:
        assert User.objects.count() == before  # refused files create nothing
