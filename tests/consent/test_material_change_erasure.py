"""After a material change, answers covered only by the old grant are erased after the grace period (A6).

The policy promises it: unless the person agrees again, the answers given
under the earlier version are erased 30 days after the change is published.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consent import selectors, services
from consent.services import consent_grant
from onboarding.consent_purposes import PROFILING
from onboarding.models import LearnerProfile
from tests.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db

GRACE = timedelta(days=services.STALE_GRANT_GRACE_DAYS)


@pytest.fixture
def answered(granted_person):
    LearnerProfileFactory(user=granted_person, occupation="teacher", english_level="B1")
    return granted_person


def test_answers_covered_only_by_a_stale_grant_are_erased_once_the_grace_period_is_over(
    answered, bump_profiling
):
    bump_profiling()

    services.retention_purge(now=timezone.now() + GRACE - timedelta(hours=1))
    assert LearnerProfile.objects.filter(user=answered).exists()

    counts = services.retention_purge(now=timezone.now() + GRACE + timedelta(hours=1))

    assert not LearnerProfile.objects.filter(user=answered).exists()
    assert counts["consent:stale_grants"] == 1


def test_agreeing_again_within_the_grace_period_keeps_the_answers(answered, bump_profiling):
    bump_profiling()
    consent_grant(user=answered, purpose=PROFILING, surface="test")

    counts = services.retention_purge(now=timezone.now() + GRACE + timedelta(days=1))

    assert LearnerProfile.objects.filter(user=answered).exists()
    assert counts["consent:stale_grants"] == 0


def test_without_a_material_change_a_grant_keeps_its_answers_however_old(answered):
    services.retention_purge(now=timezone.now() + timedelta(days=3650))

    assert LearnerProfile.objects.filter(user=answered).exists()


def test_the_erasure_writes_no_decision_the_person_did_not_make(answered, bump_profiling):
    bump_profiling()
    before = selectors.consent_records_for_user(user=answered).count()

    services.retention_purge(now=timezone.now() + GRACE + timedelta(days=1))

    assert selectors.consent_records_for_user(user=answered).count() == before


def test_the_consent_screen_after_the_change_says_when_the_answers_will_be_erased(
    client, answered, bump_profiling
):
    bump_profiling()
    client.force_login(answered)

    html = client.get(reverse("consent:screen", args=[PROFILING])).content.decode()

    assert f"within {services.STALE_GRANT_GRACE_DAYS} days of the change" in html
