"""Journeys (1), (2) and (9): the separate, skippable profiling consent (REQUIREMENTS B1-B5, B8, C1, C3)."""

import pytest
from django.urls import reverse

from tests.e2e import flows

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (flows.url_exists("consent:screen", "profiling") and flows.url_exists("onboarding:questions")),
        reason="feature not landed yet: consent:screen or onboarding:questions",
    ),
]


def test_skipping_the_consent_screen_leads_to_the_popular_courses(ui):
    # Journey (1), typed the way people type it.
    flows.sign_up_and_skip(ui, typed="138 0013 8000", phone="+8613800138000")

    assert ui.is_signed_in()
    assert flows.home_heading(ui) == "Popular with learners"


def test_agreeing_and_answering_two_of_three_questions_personalizes_home_with_reasons(ui):
    # Journey (2): occupation and level answered, the learning goal skipped.
    flows.sign_up_and_agree(
        ui, typed="139 0000 0201", phone="+8613900000201", answers={1: "university_student", 2: None, 3: "B1"}
    )

    assert flows.is_personalized(ui, "en")
    reasons = flows.why_this_course(ui, "en")
    assert any(reasons), f"no course says why it was recommended: {reasons}"
    # A skipped question is not used: no reason may cite a learning goal (B4).
    assert not any("goal" in reason.lower() for course in reasons for reason in course), reasons

    ui.goto(reverse("onboarding:profile"))
    profile = ui.main_text()
    assert "University student" in profile
    assert "B1 Intermediate" in profile


def test_a_refused_consent_is_not_asked_again_after_signing_out_and_in_with_a_new_code(ui):
    # Journey (9), REQUIREMENTS B5; also journey (0)'s second sign-in by code.
    flows.sign_up_and_skip(ui, typed="139 0000 0901", phone="+8613900000901")
    flows.sign_out(ui)

    # The harness waits out the real one-SMS-a-minute limit (F1) rather than relaxing it.
    flows.sign_in(ui, typed="+86 139-0000-0901", phone="+8613900000901")

    assert ui.is_signed_in()
    assert len(ui.app.outbox.messages_to("+8613900000901")) == 2
    assert not flows.on_consent_screen(ui), "the consent screen was shown again after a Skip"
    ui.goto(reverse("home"))
    assert not flows.on_consent_screen(ui)
    assert not flows.is_personalized(ui, "en")
