from django import forms
from django.utils.translation import gettext_lazy as _

from onboarding.phone import MAX_PHONE_INPUT_LENGTH, phone_normalize


class PhoneNumberField(forms.CharField):
    """A mobile number as people type it, cleaned to E.164 (REQUIREMENTS A1)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label", _("Mobile number"))
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "type": "tel",
                    "autocomplete": "tel",
                    "inputmode": "tel",
                    "placeholder": _("e.g. 138 0013 8000"),
                    "maxlength": MAX_PHONE_INPUT_LENGTH,
                }
            ),
        )
        kwargs.pop("max_length", None)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return phone_normalize(value)
