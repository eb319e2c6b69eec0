"""The privacy policy page, the consent screen and the first-run acknowledgment (A4, A6, B1-B3, B5)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import NoReverseMatch, reverse

from consent import notices, selectors, services
from consent.models import ConsentRecord, NoticeVersion
from onboarding.consent_purposes import ACCOUNT, PRIVACY_POLICY, PROFILING
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db

SCREEN = reverse("consent:screen", args=[PROFILING])


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _elements(response) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(response.content.decode())
    return parser.elements


def _decisions(user) -> list[str]:
    return list(
        ConsentRecord.objects.filter(subject_id=user.subject_id, purpose=PROFILING)
        .order_by("sequence")
        .values_list("decision", flat=True)
    )


def _answer(client, choice: str):
    notice = selectors.purpose_notice_current(purpose=PROFILING)
    return client.post(SCREEN, {"choice": choice, "notice_version": notice.pk})


def _after_agree_url() -> str:
    try:
        return reverse("onboarding:questions")
    except NoReverseMatch:
        return reverse("home")


# --- The privacy policy page ------------------------------------------------------


def test_the_privacy_policy_is_public_and_shows_version_and_date(client, published):
    response = client.get(reverse("consent:privacy_policy"))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Version {PRIVACY_POLICY.version}, effective" in html
    assert "privacy@learnright.example" in html
    assert "Children under 14" in html
    assert "This is the first version" in html


def test_the_privacy_policy_is_in_simplified_chinese_for_chinese_readers(client, published):
    response = client.get(reverse("consent:privacy_policy"), HTTP_ACCEPT_LANGUAGE="zh-CN")

    html = response.content.decode()
    assert response.context["notice_version"].language == "zh-hans"
    assert "不满十四周岁" in html
    assert "个人信息保护负责人" in html


@pytest.mark.parametrize(("accept_language", "marker"), [("en", "Who we are"), ("zh-CN", "我们是谁")])
def test_earlier_versions_are_listed_and_each_can_be_read(
    client, published, monkeypatch, accept_language, marker
):
    first = {v.language: v for v in NoticeVersion.objects.filter(kind="privacy_policy")}
    new_notices = [
        notices.Notice(kind=n.kind, purpose=n.purpose, version="99.0", effective=n.effective)
        if n.kind == notices.NoticeKind.PRIVACY_POLICY
        else n
        for n in notices.NOTICES
    ]
    monkeypatch.setattr(notices, "NOTICES", new_notices)
    services.notices_publish_all()

    page = client.get(reverse("consent:privacy_policy"), HTTP_ACCEPT_LANGUAGE=accept_language)
    language = page.context["notice_version"].language
    earlier = first[language]

    assert page.context["notice_version"].version == "99.0"
    assert [v.pk for v in page.context["earlier_versions"]] == [earlier.pk]
    assert earlier.get_absolute_url() in page.content.decode()
    old_page = client.get(earlier.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=accept_language)
    assert old_page.status_code == 200
    assert old_page.context["is_current"] is False
    assert marker in old_page.content.decode()


def test_an_unknown_notice_version_is_not_found(client, published):
    assert client.get(reverse("consent:privacy_policy_version", args=[999999])).status_code == 404


def test_the_footer_links_to_the_privacy_policy(client, published):
    html = client.get(reverse("home")).content.decode()

    assert f'href="{reverse("consent:privacy_policy")}"' in html


# --- The consent screen ------------------------------------------------------------


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return person


def test_the_screen_explains_the_purpose(client, signed_in):
    html = client.get(SCREEN).content.decode()

    for point in ("What we will ask", "Why", "How long", "optional", "popular courses", "How to withdraw"):
        assert point in html


def test_agree_and_skip_are_the_same_element_with_the_same_classes(client, signed_in):
    elements = _elements(client.get(SCREEN))
    buttons = [attrs for tag, attrs in elements if attrs.get("name") == "choice"]
    tags = [tag for tag, attrs in elements if attrs.get("name") == "choice"]

    assert [b["value"] for b in buttons] == ["agree", "skip"]
    assert tags == ["button", "button"]
    assert buttons[0]["class"] == buttons[1]["class"]
    assert buttons[0]["type"] == buttons[1]["type"] == "submit"


def test_both_buttons_are_in_one_form(client, signed_in):
    html = client.get(SCREEN).content.decode()
    forms = re.findall(r"<form\b.*?</form>", html, flags=re.S)

    assert len([form for form in forms if 'value="agree"' in form and 'value="skip"' in form]) == 1


def test_nothing_is_pre_checked(client, signed_in):
    elements = _elements(client.get(SCREEN))

    assert not [attrs for _tag, attrs in elements if "checked" in attrs]
    assert not [
        attrs for tag, attrs in elements if tag == "input" and attrs.get("type") in ("checkbox", "radio")
    ]


def test_skip_records_declined_and_reaches_home(client, signed_in):
    response = _answer(client, "skip")

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert _decisions(signed_in) == ["declined"]
    assert not selectors.consent_is_granted(user=signed_in, purpose=PROFILING)


def test_agree_records_granted_and_goes_on_to_the_questions(client, signed_in):
    response = _answer(client, "agree")

    assert response["Location"] == _after_agree_url()
    assert _decisions(signed_in) == ["granted"]
    record = ConsentRecord.objects.get(decision="granted")
    assert record.surface == "onboarding.consent"
    assert record.notice_version.purpose == PROFILING


def test_opening_the_screen_records_nothing(client, signed_in):
    client.get(SCREEN)

    assert _decisions(signed_in) == []


def test_a_post_without_a_choice_records_nothing(client, signed_in):
    notice = selectors.purpose_notice_current(purpose=PROFILING)

    response = client.post(SCREEN, {"notice_version": notice.pk})

    assert response.status_code == 400
    assert _decisions(signed_in) == []


def test_a_choice_on_an_outdated_notice_is_asked_again(client, signed_in, bump_profiling):
    old_notice = selectors.purpose_notice_current(purpose=PROFILING)
    bump_profiling()

    response = client.post(SCREEN, {"choice": "agree", "notice_version": old_notice.pk})

    assert response.status_code == 400
    assert "updated while the page was open" in response.content.decode()
    assert _decisions(signed_in) == []


def test_a_contract_purpose_has_no_consent_screen(client, signed_in):
    assert client.get(reverse("consent:screen", args=[ACCOUNT])).status_code == 404
    assert client.get(reverse("consent:screen", args=["nonsense"])).status_code == 404


def test_the_screen_needs_a_signed_in_person(client, published):
    response = client.get(SCREEN)

    assert response.status_code == 302
    assert "login" in response["Location"] or "code" in response["Location"]


def test_a_version_bump_shows_the_screen_again_with_what_changed(client, granted_person, bump_profiling):
    client.force_login(granted_person)
    bump_profiling(what_changed="We now also ask about your weekly study time.")

    assert not selectors.consent_is_granted(user=granted_person, purpose=PROFILING)
    assert selectors.consent_first_run_url(user=granted_person) == SCREEN
    html = client.get(SCREEN).content.decode()
    assert "What changed:" in html
    assert "weekly study time" in html


def test_the_screen_has_no_what_changed_note_the_first_time(client, signed_in):
    assert "What changed:" not in client.get(SCREEN).content.decode()


# --- The first-run acknowledgment ------------------------------------------------------


@pytest.fixture
def imported(client, published):
    user = LearnerFactory()
    client.force_login(user)
    return user


def test_the_acknowledgment_page_has_an_unticked_box_and_the_policy_summary(client, imported):
    response = client.get(reverse("consent:acknowledge"))

    html = response.content.decode()
    assert "I have read the privacy policy" in html
    box = next(a for t, a in _elements(response) if a.get("name") == "privacy_policy_read")
    assert box["type"] == "checkbox"
    assert "checked" not in box
    assert "mobile number" in html


def test_acknowledging_records_first_run_and_leads_to_the_consent_screen(client, imported):
    policy = selectors.privacy_policy_current()

    response = client.post(
        reverse("consent:acknowledge"), {"privacy_policy_read": "on", "policy_version": policy.pk}
    )

    assert response["Location"] == SCREEN
    record = ConsentRecord.objects.get(subject_id=imported.subject_id)
    assert (record.decision, record.surface, record.notice_version_id) == (
        "acknowledged",
        "first_run",
        policy.pk,
    )


def test_acknowledging_without_the_box_is_refused(client, imported):
    policy = selectors.privacy_policy_current()

    response = client.post(reverse("consent:acknowledge"), {"policy_version": policy.pk})

    assert response.status_code == 400
    assert "tick the box" in response.content.decode()
    assert not ConsentRecord.objects.filter(subject_id=imported.subject_id).exists()


def test_someone_who_already_acknowledged_skips_the_page(client, signed_in):
    response = client.get(reverse("consent:acknowledge"))

    assert response["Location"] == SCREEN
