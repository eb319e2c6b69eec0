"""Journeys (4), (5) and (6): the privacy centre's buttons (REQUIREMENTS B7, D1, D3, D4, D5).

The court ordered a copy, an end to processing, and deletion; each is one of
these journeys, done by the person in the browser.
"""

import json

import pytest
from django.urls import reverse

from tests.e2e import flows

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (flows.url_exists("consent:privacy_centre") and flows.url_exists("onboarding:questions")),
        reason="feature not landed yet: consent:privacy_centre",
    ),
]


def test_withdrawing_profiling_in_the_privacy_centre_depersonalizes_the_next_page_and_erases_answers(ui):
    # Journey (4).
    flows.sign_up_and_agree(
        ui, typed="139 0000 0401", phone="+8613900000401", answers={1: "teacher", 3: "C1"}
    )
    assert flows.is_personalized(ui, "en")

    flows.open_privacy_centre(ui)
    withdraw = flows.button(ui, "Withdraw")
    assert withdraw.count() == 1, "one Withdraw button: profiling is the only purpose granted"
    ui.submit(withdraw)

    ui.goto(reverse("home"))
    assert not flows.is_personalized(ui, "en")
    ui.goto(reverse("onboarding:profile"))
    profile = ui.main_text()
    assert "Teacher" not in profile
    assert "C1 Advanced" not in profile
    # D5: the centre says deleted only once it is (tasks run in-process here, so it is).
    flows.open_privacy_centre(ui)
    assert "being deleted" not in ui.main_text().lower()


def test_a_learner_downloads_a_copy_of_their_data_with_answers_courses_and_consent_history(ui):
    # Journey (5).
    flows.sign_up_and_agree(
        ui, typed="139 0000 0501", phone="+8613900000501", answers={1: "teacher", 2: "travel"}
    )
    course_title = flows.enroll_in_first_course(ui)

    flows.open_privacy_centre(ui)
    ui.submit(
        ui.page.locator("main").get_by_role("link", name="Copy of my data: read it here or download it")
    )
    assert ui.path == reverse("consent:my_data")
    readable = ui.main_text()
    for expected in ("+8613900000501", "Teacher", "Travel", course_title):
        assert expected in readable, f"{expected!r} missing from the readable copy"

    ui.submit(flows.button(ui, "Prepare my file"))
    # Tasks run in-process here, so the status page already offers the file.
    with ui.page.expect_download() as download_info:
        ui.page.locator("main").get_by_role("link", name="Download (JSON)").click()
    data = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False)

    assert "schema_version" in data
    for expected in ("+8613900000501", "teacher", "travel", course_title, "acknowledged", "granted"):
        assert expected in text, f"{expected!r} missing from the JSON copy"


def test_a_cancelled_account_is_signed_out_and_its_number_can_sign_up_clean(ui):
    # Journey (6), REQUIREMENTS D4.
    flows.sign_up_and_agree(ui, typed="139 0000 0601", phone="+8613900000601", answers={1: "teacher"})

    flows.open_privacy_centre(ui)
    ui.submit(ui.page.locator("main").get_by_role("link", name="Cancel my account"))
    assert ui.path == reverse("consent:account_cancel")
    ui.submit(flows.button(ui, "Cancel my account"))
    # No reason asked; a fresh SMS code confirms it is the person (allauth's
    # reauthentication by code). A second code to this number within a minute
    # is refused (F1), so the harness waits that minute out.
    assert ui.path == reverse("account_request_reauthentication_code")
    ui.app.outbox.wait_for_quota("+8613900000601")
    since = ui.app.outbox.mark()
    ui.submit(ui.page.locator("main form[method=post] button[type=submit]").first)
    flows.enter_code(ui, phone="+8613900000601", since=since)
    assert ui.path == reverse("consent:account_cancelled")
    assert not ui.is_signed_in(), "cancelling must sign the person out at once"

    ui.app.outbox.wait_for_quota("+8613900000601")
    flows.sign_up_and_skip(ui, typed="139 0000 0601", phone="+8613900000601")

    ui.goto(reverse("onboarding:profile"))
    assert "Teacher" not in ui.main_text()
