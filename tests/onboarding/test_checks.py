"""The system checks that stop a profile from being forced (REQUIREMENTS B4)."""

from django import forms

from onboarding import checks
from onboarding import forms as onboarding_forms
from onboarding.models import LearnerProfile


def test_our_profile_model_and_forms_pass_the_checks():
    assert checks.profile_answers_are_optional_check() == []
    assert checks.profile_forms_require_nothing_check() == []


def test_a_profile_field_that_is_not_nullable_fails(monkeypatch):
    field = LearnerProfile._meta.get_field("occupation")
    monkeypatch.setattr(field, "null", False)
    errors = checks.profile_answers_are_optional_check()
    assert [e.id for e in errors] == ["onboarding.E001"]
    assert "B4" in errors[0].hint


def test_a_profile_form_with_a_required_field_fails(monkeypatch):
    class ForcedQuestionForm(forms.Form):
        occupation = forms.CharField(required=True)

    monkeypatch.setattr(onboarding_forms, "PROFILE_ANSWER_FORMS", (ForcedQuestionForm,))
    errors = checks.profile_forms_require_nothing_check()
    assert [e.id for e in errors] == ["onboarding.E002"]
    assert "ForcedQuestionForm.occupation" in errors[0].msg
