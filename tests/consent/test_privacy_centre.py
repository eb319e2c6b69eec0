"""The privacy centre: a decision per purpose, one click each way, honest deletion status.

REQUIREMENTS B6, B7, D3, D5, D6.
"""

import re

import pytest
from django.urls import reverse

from consent import purposes, selectors
from consent.models import ConsentRecord
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING
from onboarding.models import LearnerProfile
from tests.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db

CENTRE = reverse("consent:privacy_centre")
DECIDE = reverse("consent:privacy_centre_decide")


def _decisions(user, purpose) -> list[str]:
    return list(
        ConsentRecord.objects.filter(subject_id=user.subject_id, purpose=purpose)
        .order_by("sequence")
        .values_list("decision", flat=True)
    )


def _forms(html: str) -> list[str]:
    return re.findall(r"<form[^>]*>.*?</form>", html, flags=re.S)


def _purpose_card(html: str, code: str) -> str:
    # Cards hold the notice text, itself a list: cut at the next card or section heading.
    for part in html.split('<li class="card mb-3 purpose-')[1:]:
        if part.startswith(f'{code}">'):
            return part.split('<h2 class="h4', 1)[0]
    raise AssertionError(f"no card for {code}")


def _agree(client, purpose):
    notice = selectors.purpose_notice_current(purpose=purpose)
    return client.post(DECIDE, {"purpose": purpose, "action": "grant", "notice_version": notice.pk})


def test_the_privacy_centre_needs_a_signed_in_person(client, published):
    response = client.get(CENTRE)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"] or "login" in response["Location"]


def test_the_header_links_to_the_privacy_centre(client, person):
    client.force_login(person)

    response = client.get(reverse("consent:privacy_policy"))

    assert f'href="{CENTRE}"' in response.content.decode()


def test_the_centre_shows_every_purpose_with_its_current_decision(client, granted_person):
    client.force_login(granted_person)

    html = client.get(CENTRE).content.decode()

    for purpose in purposes.PURPOSES.values():
        assert str(purpose.title) in html
    assert "You agreed" in _purpose_card(html, PROFILING)
    assert "Not decided" in _purpose_card(html, PRODUCT_NEWS_SMS)


def test_the_centre_links_every_right_and_the_privacy_contact(client, person):
    client.force_login(person)

    html = client.get(CENTRE).content.decode()

    for name in (
        "onboarding:profile",
        "recommendations:my_courses",
        "consent:consent_history",
        "consent:my_data",
        "consent:account_cancel",
        "consent:privacy_contact",
    ):
        assert f'href="{reverse(name)}"' in html, name


def test_withdrawing_is_one_form_with_one_button_like_agreeing(client, granted_person):
    client.force_login(granted_person)

    html = client.get(CENTRE).content.decode()
    profiling_forms = _forms(_purpose_card(html, PROFILING))
    news_forms = _forms(_purpose_card(html, PRODUCT_NEWS_SMS))

    assert len(profiling_forms) == len(news_forms) == 1
    assert profiling_forms[0].count("<button") == news_forms[0].count("<button") == 1
    assert ">Withdraw<" in profiling_forms[0]
    assert ">Agree<" in news_forms[0]


def test_one_post_withdraws_profiling_and_records_the_surface(client, granted_person):
    client.force_login(granted_person)

    response = client.post(DECIDE, {"purpose": PROFILING, "action": "withdraw"})

    assert response.status_code == 302
    assert _decisions(granted_person, PROFILING) == ["granted", "withdrawn"]
    record = ConsentRecord.objects.filter(subject_id=granted_person.subject_id).order_by("-sequence").first()
    assert record.surface == "privacy_centre"
    assert not selectors.consent_is_granted(user=granted_person, purpose=PROFILING)


def test_product_news_is_granted_and_withdrawn_alone_in_the_centre(client, granted_person):
    client.force_login(granted_person)

    _agree(client, PRODUCT_NEWS_SMS)
    assert selectors.consent_is_granted(user=granted_person, purpose=PRODUCT_NEWS_SMS)
    client.post(DECIDE, {"purpose": PRODUCT_NEWS_SMS, "action": "withdraw"})

    assert _decisions(granted_person, PRODUCT_NEWS_SMS) == ["granted", "withdrawn"]
    # B6: the other purpose is untouched.
    assert selectors.consent_is_granted(user=granted_person, purpose=PROFILING)


def test_agreeing_with_a_notice_that_is_not_current_records_nothing(client, person):
    client.force_login(person)

    response = client.post(
        DECIDE, {"purpose": PRODUCT_NEWS_SMS, "action": "grant", "notice_version": "999999"}
    )

    assert response.status_code == 302
    assert _decisions(person, PRODUCT_NEWS_SMS) == []


def test_an_unknown_purpose_is_refused_with_a_message_not_an_error(client, person):
    client.force_login(person)

    response = client.post(DECIDE, {"purpose": "account", "action": "withdraw"}, follow=True)

    assert response.status_code == 200
    assert "There is no consent to give for this." in response.content.decode()
    assert ConsentRecord.objects.filter(decision="withdrawn").count() == 0


def test_after_withdrawing_the_next_home_page_is_not_personalized(
    client, granted_person, django_capture_on_commit_callbacks, monkeypatch
):
    from onboarding import tasks

    LearnerProfileFactory(user=granted_person, occupation="teacher", learning_goal="business")
    client.force_login(granted_person)
    assert client.get(reverse("home")).context["recommendations"].personalized
    # The erasure task has not run yet: the answers are still stored.
    monkeypatch.setattr(tasks.delete_profile_answers_task, "delay", lambda *args: None)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(DECIDE, {"purpose": PROFILING, "action": "withdraw"})

    assert LearnerProfile.objects.filter(user=granted_person).exists()
    assert client.get(reverse("home")).context["recommendations"].personalized is False


def test_the_centre_says_being_deleted_until_the_answers_are_gone_never_deleted_early(
    client, granted_person, django_capture_on_commit_callbacks, monkeypatch
):
    from onboarding import tasks

    LearnerProfileFactory(user=granted_person, occupation="teacher")
    client.force_login(granted_person)
    queued = []
    monkeypatch.setattr(tasks.delete_profile_answers_task, "delay", lambda user_id: queued.append(user_id))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(DECIDE, {"purpose": PROFILING, "action": "withdraw"})

    before = _purpose_card(client.get(CENTRE).content.decode(), PROFILING)
    assert "being deleted" in before
    assert "have been deleted" not in before

    tasks.delete_profile_answers_task.apply(args=queued)

    after = _purpose_card(client.get(CENTRE).content.decode(), PROFILING)
    assert not LearnerProfile.objects.filter(user=granted_person).exists()
    assert "have been deleted" in after
    assert "being deleted" not in after


def test_withdrawing_through_the_centre_deletes_the_answers_by_the_task(
    client, granted_person, django_capture_on_commit_callbacks
):
    LearnerProfileFactory(user=granted_person, occupation="teacher", english_level="B1")
    client.force_login(granted_person)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(DECIDE, {"purpose": PROFILING, "action": "withdraw"})

    assert not LearnerProfile.objects.filter(user=granted_person).exists()


def test_agreeing_to_profiling_in_the_centre_leads_to_the_questions(client, person):
    client.force_login(person)

    response = _agree(client, PROFILING)

    assert response.status_code == 302
    assert response["Location"] == reverse("onboarding:questions")
    assert _decisions(person, PROFILING) == ["granted"]


def test_the_privacy_contact_is_public_and_matches_the_policy(client, published):
    policy = selectors.privacy_policy_current(language="en").text

    response = client.get(reverse("consent:privacy_contact"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "privacy@learnright.example" in html
    assert "privacy@learnright.example" in policy
    assert "1 Example Road, Haidian District, Beijing 100080" in html
    assert "1 Example Road, Haidian District, Beijing 100080" in policy
    assert "15 working days" in html
    assert "12377" in html
    assert "Cyberspace Administration" in html


def test_the_footer_links_to_the_privacy_contact(client, published):
    html = client.get(reverse("consent:privacy_policy")).content.decode()

    assert f'href="{reverse("consent:privacy_contact")}"' in html


def test_product_news_has_no_consent_screen_of_its_own_only_the_centre(client, person):
    client.force_login(person)

    response = client.get(reverse("consent:screen", args=[PRODUCT_NEWS_SMS]))
    client.post(reverse("consent:screen", args=[PRODUCT_NEWS_SMS]), {"choice": "agree"})

    assert response["Location"] == CENTRE
    assert _decisions(person, PRODUCT_NEWS_SMS) == []


def test_agreeing_in_the_centre_shows_the_notice_text_the_consent_screen_shows_before_the_button(
    client, person
):
    # B2, A3: the grant records a notice version, so the person reads that text
    # here, not behind a link; the frequency of product news is on screen.
    client.force_login(person)

    html = client.get(CENTRE).content.decode()

    for purpose in (PROFILING, PRODUCT_NEWS_SMS):
        card = _purpose_card(html, purpose)
        notice = selectors.purpose_notice_current(purpose=purpose)
        screen_text = notice.text
        assert screen_text in card
        assert card.index(screen_text) < card.index(">Agree</button>")
    assert "at most two messages a month" in _purpose_card(html, PRODUCT_NEWS_SMS)


def test_the_notice_in_the_centre_is_the_text_the_consent_screen_shows(client, person):
    client.force_login(person)

    screen = client.get(reverse("consent:screen", args=[PROFILING])).content.decode()
    centre = client.get(CENTRE).content.decode()

    notice = selectors.purpose_notice_current(purpose=PROFILING)
    assert notice.text in screen
    assert notice.text in _purpose_card(centre, PROFILING)
