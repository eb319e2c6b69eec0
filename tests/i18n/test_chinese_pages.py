"""With Accept-Language: zh-CN, the learner's pages carry no English UI text (A4).

Each page is fetched as a Chinese browser would (no language cookie, only the
Accept-Language header) and its visible text, attributes read out to people
included, is checked by tests.i18n.visible_text: what is allowed in Latin
letters, and why, is listed there. Run with the compliance tour on as well,
because the `make run` demo that trainers show has it on.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from consent.services import consent_decline, consent_grant, notices_publish_all, policy_acknowledge
from onboarding.consent_purposes import PROFILING
from onboarding.selectors import PROFILE_ANSWER_FIELDS
from onboarding.services import learner_profile_set_answer
from recommendations.models import Course
from recommendations.services import catalog_load_demo, personalization_set
from tests.factories import LearnerFactory
from tests.i18n.visible_text import english_left, visible_text
from tests.onboarding.helpers import last_code_for, request_login_code, signup

pytestmark = pytest.mark.django_db

ANSWERS = {"occupation": "university_student", "learning_goal": "exam_preparation", "english_level": "B1"}


@pytest.fixture(params=[False, True], ids=["tour off", "tour on"])
def tour(request, settings):
    settings.COMPLIANCE_TOUR = request.param
    return request.param


@pytest.fixture
def site(db):
    """What `make run` sets up: the notices in every language and the demo catalogue."""
    notices_publish_all()
    catalog_load_demo()


@pytest.fixture
def chinese_browser():
    return Client(HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")


def course_texts() -> tuple[str, ...]:
    # Course titles and summaries are data with an English and a Chinese field, not UI strings.
    fields = ("title_en", "title_zh_hans", "summary_en", "summary_zh_hans")
    return tuple(text for row in Course.objects.values_list(*fields) for text in row)


def assert_chinese(response, *, status: int = 200, data_texts: tuple[str, ...] = ()):
    assert response.status_code == status, response.status_code
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    english = english_left(html, data_texts=course_texts() + data_texts)
    assert not english, "English UI text on a zh-CN page:\n" + "\n".join(english)


def learner(*, consent: str | None = None, answers: dict | None = None, personalization: bool = True):
    user = LearnerFactory()
    policy_acknowledge(user=user, surface="test")
    if consent == "granted":
        consent_grant(user=user, purpose=PROFILING, surface="test")
    elif consent == "declined":
        consent_decline(user=user, purpose=PROFILING, surface="test")
    for field, value in (answers or {}).items():
        learner_profile_set_answer(user=user, field=field, value=value)
    if not personalization:
        personalization_set(user=user, enabled=False)
    return user


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_signup_page_is_in_chinese(site, tour, chinese_browser):
    assert_chinese(chinese_browser.get(reverse("account_signup")))


def test_the_code_page_after_signup_is_in_chinese(
    site, tour, chinese_browser, django_capture_on_commit_callbacks
):
    response = signup(chinese_browser, django_capture_on_commit_callbacks, "139 0013 9000")

    assert response.status_code == 302
    assert_chinese(chinese_browser.get(response.url))


def test_the_sign_in_page_is_in_chinese(site, tour, chinese_browser):
    assert_chinese(chinese_browser.get(reverse("account_request_login_code")))


def test_the_profiling_consent_screen_is_in_chinese(site, tour, chinese_browser):
    client = signed_in(chinese_browser, learner())

    assert_chinese(client.get(reverse("consent:screen", args=[PROFILING])))


def test_the_first_run_acknowledgment_page_is_in_chinese(site, tour, chinese_browser):
    client = signed_in(chinese_browser, LearnerFactory())

    assert_chinese(client.get(reverse("consent:acknowledge")))


@pytest.mark.parametrize("step", range(1, len(PROFILE_ANSWER_FIELDS) + 1))
def test_each_question_page_is_in_chinese(site, tour, chinese_browser, step):
    client = signed_in(chinese_browser, learner(consent="granted"))

    assert_chinese(client.get(reverse("onboarding:question", args=[step])))


def test_a_question_answered_with_nothing_chosen_explains_itself_in_chinese(site, chinese_browser):
    client = signed_in(chinese_browser, learner(consent="granted"))

    response = client.post(reverse("onboarding:question", args=[1]), {"action": "next"})

    assert_chinese(response, status=400)
    assert "请选择一个答案" in response.content.decode()


def test_home_is_in_chinese_for_an_anonymous_visitor(site, tour, chinese_browser):
    assert_chinese(chinese_browser.get(reverse("home")))


@pytest.mark.parametrize(
    "state",
    [
        {},
        {"consent": "declined"},
        {"consent": "granted"},
        {"consent": "granted", "answers": ANSWERS, "personalization": False},
    ],
    ids=["no decision", "declined", "agreed, no answers", "switched off"],
)
def test_home_is_in_chinese_when_signed_in_without_personalization(site, tour, chinese_browser, state):
    client = signed_in(chinese_browser, learner(**state))

    assert_chinese(client.get(reverse("home")))


def test_home_is_in_chinese_with_personalized_recommendations_and_their_reasons(site, tour, chinese_browser):
    client = signed_in(chinese_browser, learner(consent="granted", answers=ANSWERS))

    response = client.get(reverse("home"))

    assert response.context["recommendations"].personalized
    assert_chinese(response)


def test_my_profile_is_in_chinese(site, tour, chinese_browser):
    client = signed_in(chinese_browser, learner(consent="granted", answers={"occupation": "teacher"}))

    assert_chinese(client.get(reverse("onboarding:profile")))


@pytest.mark.parametrize("page", ["recommendations:course_list", "recommendations:how_it_works"])
def test_public_course_pages_are_in_chinese(site, tour, chinese_browser, page):
    assert_chinese(chinese_browser.get(reverse(page)))


def test_the_privacy_contact_page_is_in_chinese_including_the_address(site, tour, chinese_browser):
    response = chinese_browser.get(reverse("consent:privacy_contact"))

    assert_chinese(response)
    assert "海淀区" in response.content.decode()


def test_the_privacy_policy_page_around_the_published_notice_is_in_chinese(site, tour, chinese_browser):
    # The notice itself is a separately published text with its own hash (consent/notices/);
    # its technical names (GDPR, Cookie, HTTPS) are not UI strings and are left out here.
    response = chinese_browser.get(reverse("consent:privacy_policy"))
    notice = visible_text(response.context["notice_version"].text)

    assert response.context["notice_version"].language == "zh-hans"
    assert_chinese(response, data_texts=tuple(notice))


def _privacy_centre_url() -> str:
    try:
        return reverse("consent:privacy_centre")
    except NoReverseMatch:
        pytest.skip("consent:privacy_centre is not installed")


@pytest.mark.parametrize("consent", [None, "granted", "declined"])
def test_the_privacy_centre_is_in_chinese(site, tour, chinese_browser, consent):
    url = _privacy_centre_url()
    client = signed_in(chinese_browser, learner(consent=consent))

    assert_chinese(client.get(url))


# --- Whole journeys, so flash messages and allauth's own texts are seen too ----------------------

PHONE_TYPED, PHONE = "139 0013 9000", "+8613900139000"


def signed_up_and_verified(client, capture):
    """Signup through the real allauth flow; returns the consent screen it lands on."""
    code_page = client.get(signup(client, capture, PHONE_TYPED).url)
    assert_chinese(code_page)
    with capture(execute=True):
        return client.post(reverse("account_verify_phone"), {"code": last_code_for(PHONE)}, follow=True)


def consent_choice(client, screen, choice):
    notice_version = screen.context["form"]["notice_version"].value()
    url = reverse("consent:screen", args=[PROFILING])
    return client.post(url, {"choice": choice, "notice_version": notice_version}, follow=True)


def test_the_signup_and_skip_journey_is_in_chinese_page_after_page(
    site, chinese_browser, django_capture_on_commit_callbacks, outbox
):
    screen = signed_up_and_verified(chinese_browser, django_capture_on_commit_callbacks)
    assert_chinese(screen)
    assert not english_left(f"<p>{outbox[-1].body}</p>"), outbox[-1].body  # the text with the code

    home = consent_choice(chinese_browser, screen, "skip")

    assert home.redirect_chain[-1][0] == reverse("home")
    assert_chinese(home)


def test_the_agree_journey_through_every_question_is_in_chinese_page_after_page(
    site, chinese_browser, django_capture_on_commit_callbacks, outbox
):
    page = consent_choice(
        chinese_browser, signed_up_and_verified(chinese_browser, django_capture_on_commit_callbacks), "agree"
    )
    for step, field in enumerate(PROFILE_ANSWER_FIELDS, start=1):
        assert page.redirect_chain[-1][0] == reverse("onboarding:question", args=[step])
        assert_chinese(page)
        page = chinese_browser.post(
            reverse("onboarding:question", args=[step]),
            {"action": "next", "answer": ANSWERS[field]},
            follow=True,
        )

    assert page.redirect_chain[-1][0] == reverse("home")
    assert page.context["recommendations"].personalized
    assert_chinese(page)


def test_signing_in_by_code_is_in_chinese_page_after_page(
    site, chinese_browser, django_capture_on_commit_callbacks, outbox
):
    user = learner()
    code_page = chinese_browser.get(
        request_login_code(chinese_browser, django_capture_on_commit_callbacks, user.phone).url
    )
    assert_chinese(code_page)

    with django_capture_on_commit_callbacks(execute=True):
        home = chinese_browser.post(
            reverse("account_confirm_login_code"), {"code": last_code_for(user.phone)}, follow=True
        )

    assert home.context["user"] == user
    assert_chinese(home)


def test_cancelling_the_account_is_in_chinese_page_after_page(
    site, chinese_browser, django_capture_on_commit_callbacks, outbox
):
    user = learner(consent="granted")
    client = signed_in(chinese_browser, user)
    assert_chinese(client.get(reverse("consent:account_cancel")))
    code_request = client.post(reverse("consent:account_cancel"), follow=True)

    with django_capture_on_commit_callbacks(execute=True):
        code_page = client.post(code_request.redirect_chain[-1][0], {"recipient": user.phone}, follow=True)
    assert_chinese(code_page)
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(
            code_page.redirect_chain[-1][0], {"code": last_code_for(user.phone)}, follow=True
        )

    assert cancelled.redirect_chain[-1][0] == reverse("consent:account_cancelled")
    assert_chinese(cancelled)


def test_the_code_request_before_cancelling_is_in_chinese(site, chinese_browser):
    client = signed_in(chinese_browser, learner())

    assert_chinese(client.post(reverse("consent:account_cancel"), follow=True))


# --- The check itself catches English ----------------------------------------------------------


def test_the_check_reports_the_english_page_it_is_meant_to_catch(site):
    # Without this, a checker that finds nothing would make every test above pass.
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(reverse("account_signup")).content.decode()

    assert any("Sign" in line for line in english_left(html))


def test_the_check_reads_attributes_people_hear_and_skips_scripts():
    html = '<nav aria-label="Main"><script>var x = "code";</script><img alt="Photo"></nav>'

    assert visible_text(html) == ["Main", "Photo"]


def test_the_check_ignores_text_marked_as_english_such_as_the_language_name():
    html = '<select><option lang="en">English</option><option lang="zh-hans">简体中文</option></select>'

    assert english_left(html) == []
