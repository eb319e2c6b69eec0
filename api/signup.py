"""allauth headless signup for the app client, with the privacy-policy acknowledgment (A3).

The web signup form carries the unticked "I have read the privacy policy" box
and the policy version shown; allauth's headless signup input has neither.
This input adds the same two fields with the same rule (the version must be
the current policy, `consent.selectors.notice_version_is_current_policy`),
and the adapter records the acknowledgment in the same transaction as the
account, as it does for the web. Everything else is allauth's own flow.
"""

from __future__ import annotations

from allauth.headless.account.inputs import SignupInput
from allauth.headless.account.views import SignupView
from allauth.headless.constants import Client
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from consent import selectors as consent_selectors
from consent.forms import STALE_POLICY_MESSAGE

ACKNOWLEDGMENT_SURFACE = "app"


class AppSignupInput(SignupInput):
    privacy_policy_read = forms.BooleanField(
        required=True,
        error_messages={
            "required": _("To sign up, tick the box to confirm you have read the privacy policy.")
        },
    )
    policy_version = forms.IntegerField(
        required=True,
        min_value=1,
        max_value=2_147_483_647,
        error_messages={"required": _("Send the id of the privacy policy version you showed.")},
    )
    # Read by onboarding.adapters.AccountAdapter.save_user for the ledger record.
    acknowledgment_surface = ACKNOWLEDGMENT_SURFACE

    def clean_policy_version(self):
        shown = consent_selectors.notice_version_get(pk=self.cleaned_data.get("policy_version"))
        if not consent_selectors.notice_version_is_current_policy(notice_version=shown):
            raise ValidationError(STALE_POLICY_MESSAGE, code="stale_notice")
        return shown


class AppSignupView(SignupView):
    input_class = {"POST": AppSignupInput}


app_signup = AppSignupView.as_api_view(client=Client.APP)
