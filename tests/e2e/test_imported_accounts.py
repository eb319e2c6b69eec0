"""Journey (7): an account created by an operator, first signed in by its owner (REQUIREMENTS A2, B1, B3).

The court's plaintiff had an account made for him and never saw a notice or a
choice; here the same kind of account meets both before anything else.
"""

import pytest
from django.urls import reverse

from tests.e2e import flows
from tests.e2e.ui import assert_nothing_preselected

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (flows.url_exists("consent:acknowledge") and flows.url_exists("consent:screen", "profiling")),
        reason="feature not landed yet: consent:acknowledge / consent:screen (issues 3 and 4)",
    ),
]


def test_an_imported_account_first_acknowledges_the_policy_then_may_skip_the_consent_screen(
    ui, live_app, tmp_path
):
    csv_file = tmp_path / "learners.csv"
    csv_file.write_text("phone\n139 0000 0701\n", encoding="utf-8")
    live_app.manage("import_learners", str(csv_file))
    # CC 1033: importing texts nobody; the person signs in when they choose to.
    assert live_app.outbox.messages_to("+8613900000701") == []

    flows.sign_in(ui, typed="139 0000 0701", phone="+8613900000701")

    assert ui.path == reverse("consent:acknowledge"), f"expected the acknowledgment page, got {ui.page.url}"
    ui.goto(reverse("home"))
    assert ui.path == reverse("consent:acknowledge"), "another page was reachable before the acknowledgment"
    assert_nothing_preselected(ui)
    form = ui.page.locator("main form[method=post]").filter(has=ui.page.locator("button[type=submit]")).first
    for box in form.locator("input[type=checkbox]").all():
        box.check()
    ui.submit(form.locator("button[type=submit]").first)

    flows.check_consent_screen(ui, "en")
    ui.submit(flows.button(ui, "Skip"))
    assert ui.path == reverse("home")
    assert not flows.is_personalized(ui, "en")
