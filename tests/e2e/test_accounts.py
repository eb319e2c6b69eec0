"""Journey (0): the phone-only account in a real browser (REQUIREMENTS A1, A5).

Signing in again with a second code is journey (9) (test_consent_journeys.py):
the app sends a number one code a minute (F1), so the suite waits that minute
once, there, rather than twice.
"""

import pytest
from django.urls import reverse

from tests.e2e import flows

pytestmark = [pytest.mark.e2e]


def test_a_learner_signs_up_with_only_a_number_and_a_code_then_signs_out(ui):
    ui.goto(reverse("account_signup"))
    # A1: the number is the only thing asked (and the policy box, A3); no password, e-mail or name.
    inputs = ui.page.locator("main form[method=post] input:not([type=hidden])")
    asked = inputs.evaluate_all("fields => fields.map(f => f.type === 'checkbox' ? 'checkbox' : f.name)")
    assert sorted(asked) == ["checkbox", "phone"], asked

    flows.sign_up(ui, typed="139 0000 0001", phone="+8613900000001")
    assert ui.is_signed_in()

    flows.sign_out(ui)
    ui.goto(reverse("home"))
    assert not ui.is_signed_in()
