from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from consent.forms import PolicyAcknowledgmentForm
from onboarding import selectors, services
from onboarding.models import LearnerProfile, User
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


# --- The optional profile questions (REQUIREMENTS B4, D2) ---------------------

PROFILE_QUESTION_TEXTS = {
    "occupation": _("What do you do?"),
    "learning_goal": _("What is your main reason for learning English?"),
    "english_level": _("How would you describe your English level?"),
}


class ProfileQuestionForm(forms.Form):
    """One question, one set of radios, nothing chosen in advance (B3, B4).

    `initial` is only ever the learner's own saved answer (after Back or from
    My profile), never a default picked for them.
    """

    # Skip buttons submit this form too: a browser-side `required` would block them.
    use_required_attribute = False

    # Not required: no profile field ever is (B4, checked by onboarding.E002).
    # Pressing Next with nothing chosen gets a hint to choose or skip instead.
    answer = forms.ChoiceField(
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "invalid_choice": _("Select one of the answers offered, or skip the question."),
        },
    )

    def __init__(self, *args, question: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields["answer"].label = PROFILE_QUESTION_TEXTS[question]
        self.fields["answer"].choices = LearnerProfile._meta.get_field(question).choices

    def clean_answer(self) -> str:
        answer = self.cleaned_data.get("answer")
        if not answer:
            raise forms.ValidationError(_("Choose an answer, or skip this question."), code="no_answer")
        return answer


# --- Staff adding one learner in the admin (REQUIREMENTS A2) -----------------


class StaffLearnerCreationForm(forms.ModelForm):
    """The admin's add form: a mobile number, checked by the same code as signup.

    The account is created by a service with the import's rules (origin ADMIN,
    unverified, no password, no acknowledgment or consent, no SMS).
    """

    phone = PhoneNumberField()

    class Meta:
        model = User
        fields = ("phone",)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        if selectors.user_get_by_phone(phone=phone) is not None:
            raise forms.ValidationError(
                _("A learner with this mobile number already exists."), code="phone_taken"
            )
        return phone

    def save(self, commit: bool = True):
        # The admin saves the returned object again and then its m2m data; both
        # are no-ops on the row the service has just written.
        self.instance = services.learner_create_by_staff(phone=self.cleaned_data["phone"])
        self.save_m2m = lambda: None
        return self.instance


# --- Signup: the mobile number, and the privacy-policy acknowledgment (A1, A3) ---
# Added by the consent work. The acknowledgment fields and their validation
# come from consent.forms; this class only puts them on allauth's signup form
# (settings.ACCOUNT_FORMS["signup"]). The record itself is written by the
# adapter's save_user, through consent.services.


class SignupForm(PolicyAcknowledgmentForm, AllauthSignupForm):
    """Phone number + the unticked "I have read the privacy policy" box + the version shown."""

    field_order = ["phone", "privacy_policy_read", "policy_version"]


# Forms that collect profile answers: onboarding.checks refuses any required
# field among them, so a copy of this pattern cannot force an answer (B4).
PROFILE_ANSWER_FORMS = (ProfileQuestionForm,)
