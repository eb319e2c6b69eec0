"""System checks that catch a profile that could be forced out of people (REQUIREMENTS B4)."""

from django.core import checks


@checks.register(checks.Tags.models)
def profile_answers_are_optional_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from onboarding.models import LearnerProfile
    from onboarding.selectors import PROFILE_ANSWER_FIELDS

    errors = []
    for name in PROFILE_ANSWER_FIELDS:
        field = LearnerProfile._meta.get_field(name)
        if not (field.null and field.blank):
            errors.append(
                checks.Error(
                    f"LearnerProfile.{name} must be null=True and blank=True: every profile answer is "
                    "optional, and a deleted answer is NULL in storage.",
                    hint="Breaks REQUIREMENTS B4 (skippable questions) and C4 (deleted tags leave no value).",
                    obj=field,
                    id="onboarding.E001",
                )
            )
    return errors


@checks.register()
def profile_forms_require_nothing_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from onboarding.forms import PROFILE_ANSWER_FORMS

    errors = []
    for form_class in PROFILE_ANSWER_FORMS:
        for name, field in form_class.base_fields.items():
            if field.required:
                errors.append(
                    checks.Error(
                        f"{form_class.__name__}.{name} is required: a profile question must never be "
                        "forced; people skip it with a button instead.",
                        hint="Breaks REQUIREMENTS B4 and the judgment (2022)京04民终494号: answers given "
                        "with no way to refuse are not valid consent.",
                        obj=form_class,
                        id="onboarding.E002",
                    )
                )
    return errors
