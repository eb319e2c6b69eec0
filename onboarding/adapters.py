"""django-allauth's documented override surface; every decision is a service."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter

from consent import selectors as consent_selectors
from consent import services as consent_services
from onboarding import selectors, services
from onboarding.forms import PhoneNumberField


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        # allauth labels it "Phone"; ours says what is needed: a mobile number.
        kwargs.pop("label", None)
        return PhoneNumberField(**kwargs)

    def save_user(self, request, user, form, commit=True):
        # Set the number before the first save, so the row is never written
        # without it (the column is unique).
        phone = form.cleaned_data.get("phone")
        if phone:
            services.user_set_phone(user=user, phone=phone, verified=False)
        user = super().save_user(request, user, form, commit=commit)
        # REQUIREMENTS A3: the acknowledgment of the exact policy version the
        # signup page showed, in the same transaction as the account.
        if commit and form.cleaned_data.get("policy_version") is not None:
            consent_services.policy_acknowledge(
                user=user,
                request=request,
                # The app's signup input names its own surface (G1).
                surface=getattr(form, "acknowledgment_surface", "signup"),
                notice_version=form.cleaned_data["policy_version"],
            )
        return user

    def get_signup_redirect_url(self, request) -> str:
        # Right after the phone is verified: the separate consent screen, once (B1, B5).
        return consent_selectors.consent_first_run_url(user=request.user) or super().get_signup_redirect_url(
            request
        )

    def get_login_redirect_url(self, request) -> str:
        return consent_selectors.consent_first_run_url(user=request.user) or super().get_login_redirect_url(
            request
        )

    def post_login(self, request, user, *, redirect_url=None, **kwargs):
        # A `next` (e.g. "Sign up to enroll" on a course page) waits until the
        # first-run screens are done: the acknowledgment and the consent screen
        # come first (A2, B1), then the first-run end leads back to it.
        first_run_url = consent_selectors.consent_first_run_url(user=user)
        if first_run_url and redirect_url:
            services.first_run_return_to_set(request=request, url=redirect_url)
            redirect_url = first_run_url
        return super().post_login(request, user, redirect_url=redirect_url, **kwargs)

    def set_phone(self, user, phone: str, verified: bool) -> None:
        services.user_set_phone(user=user, phone=phone, verified=verified)

    def get_phone(self, user) -> tuple[str, bool] | None:
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone_verified(self, user, phone: str) -> None:
        services.user_set_phone(user=user, phone=phone, verified=True)

    def get_user_by_phone(self, phone: str):
        return selectors.user_get_by_phone(phone=phone)

    def send_verification_code_sms(self, user, phone: str, code: str, **kwargs) -> None:
        services.sms_send_verification_code(request=self.request, phone=phone, code=code)

    def send_unknown_account_sms(self, phone: str, **kwargs) -> None:
        services.sms_send_unknown_account(request=self.request, phone=phone)

    def send_account_already_exists_sms(self, phone: str) -> None:
        services.sms_send_account_already_exists(request=self.request, phone=phone)
