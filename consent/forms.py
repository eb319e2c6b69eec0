"""Forms of the consent app. They validate input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from consent import selectors

STALE_POLICY_MESSAGE = _(
    "The privacy policy was updated while this page was open. Please read the current version and tick "
    "the box again."
)
NO_POLICY_MESSAGE = _("Signing up is closed until the privacy policy is published. Please try again later.")


class PolicyAcknowledgmentForm(forms.Form):
    """The unticked "I have read the privacy policy" box and the exact version shown (A3).

    A plain Form, so that other forms can inherit its two fields (the signup
    form does); the hidden field names the NoticeVersion the page displayed,
    and the acknowledgment is recorded for that version only if it is still
    the current one.
    """

    # Unticked, required, and never ticked for the person (B3, APP191 3.4).
    privacy_policy_read = forms.BooleanField(
        label=_("I have read the privacy policy"),
        required=True,
        initial=False,
        error_messages={
            "required": _("To sign up, tick the box to confirm you have read the privacy policy.")
        },
    )
    policy_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.policy = selectors.privacy_policy_current()
        self.fields["policy_version"].initial = self.policy.pk if self.policy else None

    def clean_policy_version(self):
        shown = selectors.notice_version_get(pk=self.cleaned_data.get("policy_version"))
        if selectors.notice_version_is_current_policy(notice_version=shown):
            return shown
        if self.policy is None:
            self.add_error(None, NO_POLICY_MESSAGE)
            return None
        # Show the current version with the error, so the next submit can succeed.
        data = self.data.copy()
        data[self.add_prefix("policy_version")] = self.policy.pk
        self.data = data
        self.add_error(None, STALE_POLICY_MESSAGE)
        return None


class ConsentScreenForm(forms.Form):
    """Agree or Skip: the choice comes from which of the two equal buttons was pressed (B3)."""

    AGREE = "agree"
    SKIP = "skip"

    choice = forms.ChoiceField(
        choices=[(AGREE, _("Agree")), (SKIP, _("Skip"))],
        error_messages={
            "required": _("Choose Agree or Skip."),
            "invalid_choice": _("Choose Agree or Skip."),
        },
    )
    notice_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, purpose: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.purpose = purpose
        self.notice = selectors.purpose_notice_current(purpose=purpose)
        self.fields["notice_version"].initial = self.notice.pk if self.notice else None

    def clean_notice_version(self):
        shown = selectors.notice_version_get(pk=self.cleaned_data.get("notice_version"))
        if selectors.notice_version_is_current_for_purpose(notice_version=shown, purpose=self.purpose):
            return shown
        if self.notice is not None:
            data = self.data.copy()
            data[self.add_prefix("notice_version")] = self.notice.pk
            self.data = data
        raise forms.ValidationError(
            _("This notice was updated while the page was open. Please read it again and choose."),
            code="stale",
        )

    @property
    def agreed(self) -> bool:
        return self.cleaned_data["choice"] == self.AGREE


class PrivacyCentreDecisionForm(forms.Form):
    """One button per purpose in the privacy centre: Agree or Withdraw, one POST each (B6, B7)."""

    GRANT = "grant"
    WITHDRAW = "withdraw"

    purpose = forms.ChoiceField(choices=[])
    action = forms.ChoiceField(
        choices=[(GRANT, _("Agree")), (WITHDRAW, _("Withdraw"))],
        error_messages={"invalid_choice": _("Choose Agree or Withdraw.")},
    )
    notice_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        from consent import purposes

        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = [(p.code, p.title) for p in purposes.consent_purposes()]
        self.fields["purpose"].error_messages["invalid_choice"] = _("There is no consent to give for this.")

    def clean(self):
        cleaned = super().clean()
        purpose = cleaned.get("purpose")
        if purpose and cleaned.get("action") == self.GRANT:
            # Agreeing counts only for the notice the person saw, if it is
            # still current (A6); withdrawing is never refused for a stale page.
            shown = selectors.notice_version_get(pk=cleaned.get("notice_version"))
            if not selectors.notice_version_is_current_for_purpose(notice_version=shown, purpose=purpose):
                raise forms.ValidationError(
                    _("This notice was updated while the page was open. Please read it again and choose."),
                    code="stale",
                )
            cleaned["notice_version"] = shown
        else:
            cleaned["notice_version"] = None
        return cleaned

    @property
    def granting(self) -> bool:
        return self.cleaned_data["action"] == self.GRANT


class PasswordConfirmationForm(forms.Form):
    """The account's password, checked by Django, to confirm a cancellation (D4).

    Used when the host does not use allauth: the same proof as signing in,
    and nothing more (APP191 6.2). An account without a usable password
    cannot confirm this way; the form says so.
    """

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password to confirm.")},
    )

    def __init__(self, user, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.has_usable_password():
            raise forms.ValidationError(
                _("Your account has no password to confirm with. Please contact us to cancel it."),
                code="no_password",
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."), code="wrong_password")
        return password
