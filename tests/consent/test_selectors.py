"""Reading consent: current decision, granted for the current version, screen due (A6, B5, B6)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from consent import purposes, selectors, services
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING

pytestmark = pytest.mark.django_db


def test_nothing_is_granted_before_a_decision(person):
    assert not selectors.consent_is_granted(user=person, purpose=PROFILING)
    assert selectors.consent_current_decision(user=person, purpose=PROFILING) is None


def test_a_grant_counts(granted_person):
    assert selectors.consent_is_granted(user=granted_person, purpose=PROFILING)
    assert selectors.consent_current_decision(user=granted_person, purpose=PROFILING) == "granted"


def test_the_latest_decision_wins(granted_person):
    services.consent_withdraw(user=granted_person, purpose=PROFILING, surface="test")

    assert not selectors.consent_is_granted(user=granted_person, purpose=PROFILING)
    assert selectors.consent_current_decision(user=granted_person, purpose=PROFILING) == "withdrawn"


def test_decisions_are_per_purpose(granted_person):
    assert not selectors.consent_is_granted(user=granted_person, purpose=PRODUCT_NEWS_SMS)

    services.consent_grant(user=granted_person, purpose=PRODUCT_NEWS_SMS, surface="test")
    services.consent_withdraw(user=granted_person, purpose=PROFILING, surface="test")

    assert selectors.consent_is_granted(user=granted_person, purpose=PRODUCT_NEWS_SMS)
    assert not selectors.consent_is_granted(user=granted_person, purpose=PROFILING)


def test_anonymous_visitors_have_granted_nothing(published):
    assert not selectors.consent_is_granted(user=AnonymousUser(), purpose=PROFILING)
    assert not selectors.consent_screen_is_due(user=AnonymousUser(), purpose=PROFILING)
    assert not selectors.policy_acknowledgment_is_current(user=AnonymousUser())


def test_an_unknown_purpose_is_a_programming_error(person):
    with pytest.raises(purposes.UnknownPurposeError):
        selectors.consent_is_granted(user=person, purpose="profilling")


def test_a_material_version_bump_makes_the_old_grant_stop_counting(granted_person, bump_profiling):
    bump_profiling()

    assert not selectors.consent_is_granted(user=granted_person, purpose=PROFILING)
    assert selectors.consent_screen_is_due(user=granted_person, purpose=PROFILING)
    assert selectors.consent_decided_on_earlier_version(user=granted_person, purpose=PROFILING)


def test_the_screen_is_due_once_per_material_version(person):
    assert selectors.consent_screen_is_due(user=person, purpose=PROFILING)

    services.consent_decline(user=person, purpose=PROFILING, surface="test")

    assert not selectors.consent_screen_is_due(user=person, purpose=PROFILING)


def test_the_screen_is_not_due_when_no_notice_is_published(db):
    from tests.factories import LearnerFactory

    assert not selectors.consent_screen_is_due(user=LearnerFactory(), purpose=PROFILING)


def test_an_acknowledgment_of_the_current_policy_is_current(person):
    assert selectors.policy_acknowledgment_is_current(user=person)


def test_an_account_that_never_acknowledged_is_not_current(published):
    from tests.factories import LearnerFactory

    assert not selectors.policy_acknowledgment_is_current(user=LearnerFactory())


def test_first_run_goes_to_the_acknowledgment_then_the_consent_screen(published):
    from django.urls import reverse

    from tests.factories import LearnerFactory

    user = LearnerFactory()
    assert selectors.consent_first_run_url(user=user) == reverse("consent:acknowledge")
    services.policy_acknowledge(user=user, surface="test")
    assert selectors.consent_first_run_url(user=user) == reverse("consent:screen", args=["profiling"])
    services.consent_decline(user=user, purpose=PROFILING, surface="test")
    assert selectors.consent_first_run_url(user=user) is None
