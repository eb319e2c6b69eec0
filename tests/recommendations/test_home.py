"""The home page: which list applies, its labels, explanations and the switch."""

import pytest
from django.test import Client
from django.urls import reverse

from consent import selectors as consent_selectors
from consent import services as consent_services
from onboarding.models import LearnerProfile
from recommendations import services
from recommendations.models import PersonalizationPreference
from tests.recommendations.conftest import ANSWERS, PERSONALIZED_ORDER, POPULAR_ORDER

pytestmark = pytest.mark.django_db


def home_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response


def slugs(recommendations):
    return [course.slug for course in recommendations.courses]


def test_five_fallback_cases_get_the_identical_non_personalized_list(fixed_catalog, make_learner):
    switched_off = make_learner(answers=ANSWERS, consent="granted")
    services.personalization_set(user=switched_off, enabled=False)
    cases = {
        "anonymous": None,
        "no consent": make_learner(answers=ANSWERS),
        "consent, no answers": make_learner(answers={}, consent="granted"),
        "switch off": switched_off,
        # The answers are still stored (their erasure task has not run): the
        # withdrawal alone must stop their use on the next request (B7).
        "consent withdrawn": make_learner(answers=ANSWERS, consent="withdrawn"),
    }

    lists = {name: home_for(user).context["recommendations"] for name, user in cases.items()}

    assert all(not rec.personalized for rec in lists.values())
    assert {name: slugs(rec) for name, rec in lists.items()} == dict.fromkeys(cases, POPULAR_ORDER)
    assert len({rec.courses for rec in lists.values()}) == 1


def test_consent_answers_and_switch_on_get_the_personalized_list(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS, consent="granted")

    recommendations = home_for(learner).context["recommendations"]

    assert recommendations.personalized
    assert slugs(recommendations) == PERSONALIZED_ORDER


def test_personalized_section_is_labelled_and_explains_each_item(fixed_catalog, make_learner):
    response = home_for(make_learner(answers=ANSWERS, consent="granted"))

    html = response.content.decode()
    assert "Recommended for you" in html
    assert ">Personalized</span>" in html
    assert html.count("<summary") == len(PERSONALIZED_ORDER)
    assert "Why this course?" in html
    first = response.context["recommendations"].courses[0]
    assert first.reasons == (
        "For your goal: Exam preparation (IELTS/TOEFL/CET)",
        "At your level: B1",
        "Written for university students",
    )


def test_non_personalized_section_says_popular_and_has_no_personalized_label(fixed_catalog):
    html = home_for().content.decode()

    assert "Popular with learners" in html
    assert "Recommended for you" not in html
    assert ">Personalized</span>" not in html
    assert "Why this course?" not in html


def test_home_links_the_public_how_it_works_page(fixed_catalog):
    assert reverse("recommendations:how_it_works") in home_for().content.decode()


def test_changing_an_answer_changes_the_next_response(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS, consent="granted")
    assert slugs(home_for(learner).context["recommendations"])[0] == "all-three"

    LearnerProfile.objects.filter(user=learner).update(learning_goal="business")

    recommendations = home_for(learner).context["recommendations"]
    assert slugs(recommendations)[0] == "level-and-occupation"
    assert "For your goal: Business communication" in recommendations.courses[0].reasons


def test_deleting_an_answer_removes_its_reason(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS, consent="granted")
    before = home_for(learner).context["recommendations"]
    assert any("university students" in reason for c in before.courses for reason in c.reasons)

    LearnerProfile.objects.filter(user=learner).update(occupation=None)

    response = home_for(learner)
    after = response.context["recommendations"]
    assert after.personalized
    assert not any("university students" in reason for c in after.courses for reason in c.reasons)
    assert "Written for university students" not in response.content.decode()


def test_items_that_match_no_answer_say_so(fixed_catalog, make_learner):
    recommendations = home_for(make_learner(answers=ANSWERS, consent="granted")).context["recommendations"]

    featured = next(c for c in recommendations.courses if c.slug == "featured")
    assert featured.reasons == ("None of your answers matched; shown because it is popular with learners.",)


def test_only_not_sure_as_level_gives_the_non_personalized_list(fixed_catalog, make_learner):
    learner = make_learner(answers={"english_level": "not_sure"}, consent="granted")

    recommendations = home_for(learner).context["recommendations"]

    assert not recommendations.personalized
    assert slugs(recommendations) == POPULAR_ORDER


# --- The switch (ALG 17, REQUIREMENTS C2) ---------------------------------------


def test_one_post_turns_personalization_off_and_the_next_page_shows_popular(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS, consent="granted")
    client = Client()
    client.force_login(learner)
    assert client.get(reverse("home")).context["recommendations"].personalized

    response = client.post(reverse("recommendations:personalization_switch"), {"enabled": "off"})

    assert response.status_code == 302
    after = client.get(reverse("home"))
    assert not after.context["recommendations"].personalized
    assert slugs(after.context["recommendations"]) == POPULAR_ORDER
    assert "Personalized recommendations: <strong>Off: you turned them off</strong>" in (
        after.content.decode()
    )


def test_one_post_turns_personalization_back_on(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS, consent="granted")
    services.personalization_set(user=learner, enabled=False)
    client = Client()
    client.force_login(learner)

    client.post(reverse("recommendations:personalization_switch"), {"enabled": "on"})

    assert client.get(reverse("home")).context["recommendations"].personalized


# --- What the switch says: "On" only when it is, and the true reason for "Off" (D5) ---


@pytest.mark.parametrize(
    ("consent", "state", "says"),
    [
        ("declined", "declined", "Off: you skipped"),
        ("withdrawn", "withdrawn", "Off: you withdrew"),
        (None, "undecided", "Off: you have not decided"),
    ],
)
def test_without_consent_the_switch_says_off_with_the_reason_and_leads_to_the_consent_screen(
    fixed_catalog, make_learner, consent, state, says
):
    learner = make_learner(answers=ANSWERS, consent=consent)
    if consent is None:
        # Without the invitation (dismissed), the switch itself leads to the consent screen.
        services.personalization_invitation_dismiss(user=learner, notice_version="1")

    html = home_for(learner).content.decode()

    assert f'data-state="{state}"' in html
    assert f"Personalized recommendations: <strong>{says}</strong>" in html
    assert "<strong>On</strong>" not in html
    assert f'href="{reverse("consent:screen", args=["profiling"])}"' in html
    assert "Turn on personalized recommendations" in html
    # Nothing to turn off, and no consent to withdraw.
    assert 'name="enabled" value="off"' not in html
    assert "Withdraw consent and delete my answers" not in html


def test_with_consent_and_the_switch_on_it_says_on_and_offers_two_clearly_different_ways_off(
    fixed_catalog, make_learner
):
    html = home_for(make_learner(answers=ANSWERS, consent="granted")).content.decode()

    assert 'data-state="on"' in html
    assert "Personalized recommendations: <strong>On</strong>" in html
    assert "Turn off (keeps your answers)" in html
    assert "Withdraw consent and delete my answers" in html


def test_the_chinese_switch_says_skipped_or_withdrew_not_not_yet_agreed(fixed_catalog, make_learner):
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-CN")
    skipped, withdrew = make_learner(consent="declined"), make_learner(consent="withdrawn")

    client.force_login(skipped)
    skipped_html = client.get(reverse("home")).content.decode()
    client.force_login(withdrew)
    withdrew_html = client.get(reverse("home")).content.decode()

    assert "已关闭：您选择了跳过" in skipped_html
    assert "已关闭：您已撤回同意" in withdrew_html
    assert "尚未同意" not in skipped_html + withdrew_html


def test_the_switch_writes_no_consent_record(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS, consent="granted")
    records_before = list(
        consent_selectors.consent_records_for_user(user=learner).values_list("pk", flat=True)
    )
    client = Client()
    client.force_login(learner)

    client.post(reverse("recommendations:personalization_switch"), {"enabled": "off"})

    assert PersonalizationPreference.objects.get(user=learner).enabled is False
    records_after = list(
        consent_selectors.consent_records_for_user(user=learner).values_list("pk", flat=True)
    )
    assert records_after == records_before
    assert consent_selectors.consent_is_granted(user=learner, purpose="profiling")


def test_the_switch_form_is_on_the_home_page_for_signed_in_learners(fixed_catalog, make_learner):
    html = home_for(make_learner(answers=ANSWERS, consent="granted")).content.decode()

    assert reverse("recommendations:personalization_switch") in html
    assert 'name="enabled" value="off"' in html


def test_the_switch_rejects_an_unknown_value_with_400_and_changes_nothing(make_learner):
    learner = make_learner()
    client = Client()
    client.force_login(learner)

    response = client.post(reverse("recommendations:personalization_switch"), {"enabled": "maybe"})

    assert response.status_code == 400
    assert not PersonalizationPreference.objects.filter(user=learner).exists()


def test_opening_the_switch_address_leads_to_the_switch_on_home_and_changes_nothing(make_learner):
    learner = make_learner()
    client = Client()
    client.force_login(learner)

    response = client.get(reverse("recommendations:personalization_switch"))

    # Not a bare 405: a bookmarked or shared address still leads to the switch.
    assert response.status_code == 302
    assert response["Location"] == reverse("home") + "#personalization"
    assert not PersonalizationPreference.objects.filter(user=learner).exists()


def test_the_switch_needs_a_signed_in_learner(db):
    response = Client().post(reverse("recommendations:personalization_switch"), {"enabled": "off"})

    assert response.status_code == 302
    assert not PersonalizationPreference.objects.exists()


# --- The invitation to personalize (B5) -------------------------------------------


def test_a_learner_who_has_not_decided_sees_an_invitation_linking_to_the_consent_screen(
    fixed_catalog, make_learner
):
    response = home_for(make_learner())

    assert response.context["recommendations"].invitation_version == "1"
    html = response.content.decode()
    assert reverse("recommendations:invitation_dismiss") in html
    assert reverse("consent:screen", args=["profiling"]) in html


def test_dismissing_the_invitation_hides_it_for_this_notice_version(fixed_catalog, make_learner):
    learner = make_learner()
    client = Client()
    client.force_login(learner)

    response = client.post(reverse("recommendations:invitation_dismiss"), {"notice_version": "1"})

    assert response.status_code == 302
    after = client.get(reverse("home"))
    assert after.context["recommendations"].invitation_version == ""
    assert reverse("recommendations:invitation_dismiss") not in after.content.decode()


def test_an_invitation_dismissed_for_an_older_version_shows_again(fixed_catalog, make_learner):
    learner = make_learner()
    services.personalization_invitation_dismiss(user=learner, notice_version="0")

    assert home_for(learner).context["recommendations"].invitation_version == "1"


def test_a_learner_who_declined_is_not_invited_again(fixed_catalog, make_learner):
    response = home_for(make_learner(consent="declined"))

    assert response.context["recommendations"].invitation_version == ""
    assert reverse("recommendations:invitation_dismiss") not in response.content.decode()


def test_anonymous_visitors_get_no_invitation_and_no_switch(fixed_catalog):
    response = home_for()

    html = response.content.decode()
    assert reverse("recommendations:invitation_dismiss") not in html
    assert reverse("recommendations:personalization_switch") not in html


def test_dismissing_writes_no_consent_record(make_learner):
    learner = make_learner()
    client = Client()
    client.force_login(learner)
    before = consent_selectors.consent_records_for_user(user=learner).count()

    client.post(reverse("recommendations:invitation_dismiss"), {"notice_version": "1"})

    assert consent_selectors.consent_records_for_user(user=learner).count() == before
    assert consent_selectors.consent_screen_is_due(user=learner, purpose="profiling")


def test_granting_consent_later_personalizes_the_next_page(fixed_catalog, make_learner):
    learner = make_learner(answers=ANSWERS)
    assert not home_for(learner).context["recommendations"].personalized

    consent_services.consent_grant(user=learner, purpose="profiling", surface="test")

    assert home_for(learner).context["recommendations"].personalized


def test_how_it_works_is_public_and_explains_inputs_ranking_and_switch(db):
    response = Client().get(reverse("recommendations:how_it_works"))

    assert response.status_code == 200
    html = response.content.decode()
    for phrase in ("What it uses", "How it ranks", "How to turn it off", "Turn off", "last 30 days"):
        assert phrase in html


def test_dismissing_with_a_malformed_version_is_refused_with_400(make_learner):
    learner = make_learner()
    client = Client()
    client.force_login(learner)

    response = client.post(reverse("recommendations:invitation_dismiss"), {"notice_version": "1<script>"})

    assert response.status_code == 400
    assert not PersonalizationPreference.objects.filter(user=learner).exists()
