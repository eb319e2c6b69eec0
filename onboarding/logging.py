"""A logging filter that masks phone numbers (REQUIREMENTS F3)."""

import logging
import re

# E.164 or national mainland mobile numbers, with or without separators.
_PHONE_PATTERN = re.compile(r"(?<![\w])(\+?\d[\d\s\-]{6,}\d)(?![\w])")


def mask_phone_numbers(text: str) -> str:
    from onboarding.phone import phone_mask

    def _mask(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group(1))
        if len(digits) < 8:
            return match.group(1)
        return phone_mask(("+" if match.group(1).startswith("+") else "") + digits)

    return _PHONE_PATTERN.sub(_mask, text)


class MaskPhoneNumbersFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_phone_numbers(message)
        if masked != message:
            record.msg = masked
            record.args = None
        return True
