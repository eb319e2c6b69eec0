"""A logging filter that masks phone numbers (REQUIREMENTS F3)."""

import logging

import phonenumbers


def mask_phone_numbers(text: str) -> str:
    """Replace every mobile number in the text by its masked form.

    phonenumbers' matcher finds numbers the way a person would write them
    (with spaces, dashes or +country code) and leaves dates and ids alone.
    Only mobile numbers are masked, the only kind an account can hold
    (onboarding.phone): a service number, a fixed line or a long id that
    happens to be a valid number stays readable in the logs.
    """
    from django.conf import settings

    from onboarding.phone import MOBILE_NUMBER_TYPES, phone_mask

    region = getattr(settings, "PHONE_DEFAULT_REGION", "CN") if settings.configured else "CN"
    pieces, last = [], 0
    for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
        if phonenumbers.number_type(match.number) not in MOBILE_NUMBER_TYPES:
            continue
        pieces.append(text[last : match.start])
        pieces.append(
            phone_mask(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
        )
        last = match.end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


class MaskPhoneNumbersFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_phone_numbers(message)
        if masked != message:
            record.msg = masked
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Tracebacks carry exception messages (a provider's "refused +86...").
            record.exc_text = mask_phone_numbers(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
