"""The optional profile questions after Agree (REQUIREMENTS A5, B3, B4)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from onboarding.models import LearnerProfile
from onboarding.selectors import PROFILE_ANSWER_FIELDS
from tests.factories import LearnerProfileFactory

pytestmark = pytest.mark.django_db


class _FormControls(HTMLParser):
    """Collect the buttons and radio inputs of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons: list[dict] = []
        self.radios: list[dict] = []
        self._button: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "button":
            self._button = {"tag": tag, **attributes, "text": ""}
        elif tag == "input" and attributes.get("type") == "radio":
            self.radios.append(attributes)
        elif tag in {"a", "input"} and (
            attributes.get("type") == "submit" or "btn" in (attributes.get("class") or "")
        ):
            # A "button" drawn as a link or an input would be a different element.
            self.buttons.append({"tag": tag, **attributes, "text": attributes.get("value", "")})

    def handle_data(self, data):
        if self._button is not None:
            self._button["text"] += data

    def handle_endtag(self, tag):
        if tag == "button" and self._button is not None:
            self._button["text"] = self._button["text"].strip()
            self.buttons.append(self._button)
            self._button = None


def _controls(response) -> _FormControls:
    parser = _FormControls()
    parser.feed(response.content.decode())
    return parser


def _step_url(step: int) -> str:
    return reverse("onboarding:question", args=[step])


def _answer(client, step: int, value: str):
    return client.post(_step_url(step), {"action": "next", "answer": value})


def _stored(user) -> dict:
    return LearnerProfile.objects.filter(user=user).values(*PROFILE_ANSWER_FIELDS).get()


@pytest.fixture
def granted_client(client, granted_learner):
    client.force_login(granted_learner)
    return client


def test_questions_start_at_question_one(granted_client):
    response = granted_client.get(reverse("onboarding:questions"))

    assert response.status_code == 302
    assert response["Location"] == _step_url(1)


def test_each_question_shows_its_place_in_the_sequence(granted_client):
    for step in (1, 2, 3):
        assert f"Question {step} of 3" in granted_client.get(_step_url(step)).content.decode()


def test_no_answer_is_preselected_on_any_question(granted_client):
    for step in (1, 2, 3):
        radios = _controls(granted_client.get(_step_url(step))).radios
        assert len(radios) >= 5
        assert not [radio for radio in radios if "checked" in radio]


def test_next_and_skip_buttons_are_the_same_element_with_the_same_classes(granted_client):
    buttons = {b["text"]: b for b in _controls(granted_client.get(_step_url(1))).buttons if b.get("name")}

    next_button = buttons["Next"]
    skip_button = buttons["Skip this question"]
    skip_rest_button = buttons["Skip the rest"]
    assert next_button["tag"] == skip_button["tag"] == skip_rest_button["tag"] == "button"
    assert next_button["class"] == skip_button["class"] == skip_rest_button["class"]
    assert next_button["type"] == skip_button["type"] == "submit"


def test_answer_all_stores_exactly_the_answers_and_lands_on_home(granted_client, granted_learner):
    _answer(granted_client, 1, "teacher")
    _answer(granted_client, 2, "business")
    response = _answer(granted_client, 3, "B2")

    assert response["Location"] == reverse("home")
    assert _stored(granted_learner) == {
        "occupation": "teacher",
        "learning_goal": "business",
        "english_level": "B2",
    }


def test_skip_one_stores_the_other_two_and_leaves_the_skipped_one_empty(granted_client, granted_learner):
    _answer(granted_client, 1, "university_student")
    response = granted_client.post(_step_url(2), {"action": "skip"})
    assert response["Location"] == _step_url(3)
    _answer(granted_client, 3, "not_sure")

    assert _stored(granted_learner) == {
        "occupation": "university_student",
        "learning_goal": None,
        "english_level": "not_sure",
    }


def test_skip_the_rest_after_one_answer_stores_only_that_answer(granted_client, granted_learner):
    response = _answer(granted_client, 1, "working_professional")
    assert response["Location"] == _step_url(2)

    response = granted_client.post(_step_url(2), {"action": "skip_rest"})

    assert response["Location"] == reverse("home")
    assert _stored(granted_learner) == {
        "occupation": "working_professional",
        "learning_goal": None,
        "english_level": None,
    }


def test_skip_all_writes_no_profile_and_home_works(granted_client, granted_learner):
    response = granted_client.post(_step_url(1), {"action": "skip_rest"})
    assert response["Location"] == reverse("home")

    assert not LearnerProfile.objects.filter(user=granted_learner).exists()
    assert granted_client.get(reverse("home")).status_code == 200


def test_skip_sends_a_chosen_radio_nowhere(granted_client, granted_learner):
    granted_client.post(_step_url(1), {"action": "skip", "answer": "teacher"})

    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_skipping_each_question_one_by_one_writes_nothing(granted_client, granted_learner):
    for step in (1, 2, 3):
        response = granted_client.post(_step_url(step), {"action": "skip"})

    assert response["Location"] == reverse("home")
    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_the_end_confirms_with_a_short_message_on_home(granted_client):
    _answer(granted_client, 1, "teacher")
    response = granted_client.post(_step_url(2), {"action": "skip_rest"}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert "You can change or delete your answers at any time in My profile." in response.content.decode()


def test_back_links_to_the_previous_question_showing_the_saved_answer(granted_client):
    _answer(granted_client, 1, "teacher")
    page_two = granted_client.get(_step_url(2)).content.decode()
    assert f'href="{_step_url(1)}"' in page_two

    radios = _controls(granted_client.get(_step_url(1))).radios
    assert [radio["value"] for radio in radios if "checked" in radio] == ["teacher"]


def test_the_first_question_has_no_back_link(granted_client):
    assert f'href="{_step_url(0)}"' not in granted_client.get(_step_url(1)).content.decode()


def test_the_last_question_offers_finish_and_skip_but_not_skip_the_rest(granted_client):
    # Nothing comes after the last question, so its answer button says Finish, not Next.
    texts = [b["text"] for b in _controls(granted_client.get(_step_url(3))).buttons if b.get("name")]

    assert texts == ["Finish", "Skip this question"]


def test_posting_an_unknown_choice_is_a_400_with_a_form_error_and_writes_nothing(
    granted_client, granted_learner
):
    response = _answer(granted_client, 1, "astronaut")

    assert response.status_code == 400
    assert "Select one of the answers offered, or skip the question." in response.content.decode()
    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_next_without_an_answer_asks_to_choose_or_skip(granted_client, granted_learner):
    response = granted_client.post(_step_url(1), {"action": "next"})

    assert response.status_code == 400
    assert "Choose an answer, or skip this question." in response.content.decode()
    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_an_unknown_button_is_a_400_and_writes_nothing(granted_client, granted_learner):
    response = granted_client.post(_step_url(1), {"action": "save_everything", "answer": "teacher"})

    assert response.status_code == 400
    assert not LearnerProfile.objects.filter(user=granted_learner).exists()


def test_a_step_beyond_the_last_question_is_404(granted_client):
    assert granted_client.get(_step_url(4)).status_code == 404


def test_questions_send_people_without_a_grant_to_the_consent_screen(client, learner):
    client.force_login(learner)

    for response in (client.get(_step_url(1)), _answer(client, 1, "teacher")):
        assert response.status_code == 302
        assert response["Location"] == reverse("consent:screen", args=["profiling"])
    assert not LearnerProfile.objects.filter(user=learner).exists()


def test_questions_need_a_signed_in_person(client):
    response = client.get(_step_url(1))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_request_login_code"))


def test_a_changed_earlier_answer_replaces_the_old_one(granted_client, granted_learner):
    LearnerProfileFactory(user=granted_learner, occupation="teacher")

    _answer(granted_client, 1, "other")

    assert _stored(granted_learner)["occupation"] == "other"
