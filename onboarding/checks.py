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


# Caches whose entries live in one process (or nowhere): each web process
# would keep its own SMS counters, and a restart forgets them.
PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.security)
def rate_limit_cache_is_shared_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Outside DEBUG the rate-limit counters must be in a cache every process shares (F1)."""
    from django.conf import settings

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if settings.DEBUG or backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Error(
            f"The default cache is {backend}, kept by each process on its own: the SMS and sign-in "
            "limits would be counted per process and forgotten on restart or eviction.",
            hint="Set REDIS_URL (one Redis shared by every web process and worker). Breaks REQUIREMENTS F1.",
            id="onboarding.E003",
        )
    ]
