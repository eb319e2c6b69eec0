from django import forms
from django.utils.translation import gettext_lazy as _


class PersonalizationSwitchForm(forms.Form):
    """The one-click switch: the button posts the state it turns on."""

    enabled = forms.TypedChoiceField(
        choices=[("on", _("On")), ("off", _("Off"))],
        coerce=lambda value: value == "on",
    )


class InvitationDismissForm(forms.Form):
    # The notice version (the profiling purpose's material version, a small
    # whole number) the invitation was shown for, so a dismissal never hides
    # an invitation about a later version (REQUIREMENTS A6, B5).
    notice_version = forms.RegexField(regex=r"^[0-9]{1,9}$")
