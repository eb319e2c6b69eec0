import pytest
from django.core.exceptions import ValidationError

from onboarding.phone import phone_mask, phone_normalize


@pytest.mark.parametrize(
    "typed",
    [
        "138 0013 8000",
        "138-0013-8000",
        "(138) 0013 8000",
        "13800138000",
        "+86 138 0013 8000",
        "+86-138-0013-8000",
        "0086 138 0013 8000",
        " +8613800138000 ",
    ],
)
def test_common_ways_of_typing_a_mainland_mobile_normalise_to_e164(typed):
    assert phone_normalize(typed) == "+8613800138000"


def test_a_foreign_mobile_with_country_code_is_accepted():
    assert phone_normalize("+44 7911 123456") == "+447911123456"


def test_default_region_comes_from_settings(settings):
    settings.PHONE_DEFAULT_REGION = "GB"
    assert phone_normalize("07911 123456") == "+447911123456"


@pytest.mark.parametrize(
    ("typed", "code", "fragment"),
    [
        ("", "required", "Enter your mobile phone number"),
        ("   ", "required", "Enter your mobile phone number"),
        ("abcdefg", "phone_characters", "only digits"),
        ("138abc00138000", "phone_characters", "only digits"),
        ("138", "phone_invalid", "not a valid mobile number"),
        ("010 6552 9988", "phone_not_mobile", "Enter a mobile number"),
        ("1" * 500, "phone_too_long", "too long"),
        ("07911 123456", "phone_invalid", "start with + and the country code"),
        ("+999 1234 5678", "phone_invalid", "phone number"),
    ],
)
def test_invalid_input_is_rejected_with_a_message_that_says_what_to_do(typed, code, fragment):
    with pytest.raises(ValidationError) as excinfo:
        phone_normalize(typed)
    assert excinfo.value.code == code
    assert fragment in str(excinfo.value.messages[0])


def test_mask_keeps_the_first_three_and_last_four_digits():
    assert phone_mask("+8613800138000") == "138****8000"


def test_mask_of_nothing_is_empty():
    assert phone_mask(None) == ""
