"""django-allauth's documented override surface; every decision is a service."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter

from onboarding import selectors, services
from onboarding.forms import PhoneNumberField


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        return PhoneNumberField(**kwargs)

    def save_user(self, request, user, form, commit=True):
        # Set the number before the first save, so the row is never written
        # without it (the column is unique).
        phone = form.cleaned_data.get("phone")
        if phone:
            services.user_set_phone(user=user, phone=phone, verified=False)
        return super().save_user(request, user, form, commit=commit)

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
