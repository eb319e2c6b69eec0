"""Parsing what people type into a phone field, and showing numbers masked.

One place for both so that signup, sign-in, the CSV import and the admin agree
on what a valid number is.
"""

from __future__ import annotations

import re

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Longer than any real number with separators; rejects pasted essays early.
MAX_PHONE_INPUT_LENGTH = 32
_ALLOWED_CHARACTERS = re.compile(r"^[0-9+()\-.\s\u00a0]*$")
MOBILE_NUMBER_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def phone_normalize(raw: str, *, region: str | None = None) -> str:
    """Return the E.164 form of a mobile number typed in any common format.

    Raises ValidationError with a message a learner can act on.
    """
    value = (raw or "").strip()
    if not value:
        raise ValidationError(_("Enter your mobile phone number."), code="required")
    if len(value) > MAX_PHONE_INPUT_LENGTH:
        raise ValidationError(_("That is too long to be a phone number."), code="phone_too_long")
    if not _ALLOWED_CHARACTERS.match(value):
        raise ValidationError(
            _("A phone number may contain only digits, spaces, dashes, brackets and +."),
            code="phone_characters",
        )
    if value.startswith("00"):
        value = "+" + value[2:]
    default_region = region or settings.PHONE_DEFAULT_REGION
    try:
        parsed = phonenumbers.parse(value, default_region)
    except phonenumbers.NumberParseException:
        raise ValidationError(_("This does not look like a phone number."), code="phone_invalid") from None
    if not phonenumbers.is_valid_number(parsed):
        if not value.startswith("+"):
            message = _(
                "This is not a valid mobile number for the default region (%(region)s). "
                "For a number from another country, start with + and the country code."
            ) % {"region": default_region}
        else:
            message = _("This is not a valid mobile phone number.")
        raise ValidationError(message, code="phone_invalid")
    if phonenumbers.number_type(parsed) not in MOBILE_NUMBER_TYPES:
        raise ValidationError(
            _("Enter a mobile number: sign-in codes are sent by SMS."), code="phone_not_mobile"
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_mask(phone: str | None) -> str:
    """Mask a number for staff screens: +8613800138000 -> 138****8000 (REQUIREMENTS E3)."""
    if not phone:
        return ""
    try:
        parsed = phonenumbers.parse(phone, None)
        national = str(parsed.national_number)
    except phonenumbers.NumberParseException:
        national = re.sub(r"\D", "", phone)
    if len(national) <= 7:
        return national[:2] + "*" * max(len(national) - 2, 0)
    return f"{national[:3]}{'*' * (len(national) - 7)}{national[-4:]}"


def phone_display(phone: str | None) -> str:
    """A number as people read it: +8613800138000 -> +86 138 0013 8000."""
    if not phone:
        return ""
    try:
        parsed = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return phone
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
