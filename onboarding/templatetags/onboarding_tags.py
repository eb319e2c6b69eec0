"""Template helpers for the sign-in pages."""

from django import template

from onboarding import selectors
from onboarding.phone import phone_display

register = template.Library()


@register.filter(name="phone_display")
def phone_display_filter(phone: str | None) -> str:
    return phone_display(phone)


@register.simple_tag
def seconds_until_next_code(phone: str | None) -> int:
    return selectors.sms_seconds_until_next_code(phone=phone)
