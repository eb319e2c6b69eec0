"""A system check that personalization is opt-in (REQUIREMENTS C1, B1; ALG 17; PIPL 24(2))."""

from django.core import checks


@checks.register()
def personalization_is_opt_in_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    from consent import purposes
    from recommendations import selectors

    purpose = purposes.PURPOSES.get(selectors.PROFILING)
    if purpose is not None and purpose.needs_consent:
        return []
    return [
        checks.Error(
            f"Personalized recommendations run under the purpose {selectors.PROFILING!r}, which is "
            + ("not declared" if purpose is None else f"based on {purpose.legal_basis!r}, not consent")
            + ": personalization would be on by default for everyone.",
            hint="Breaks REQUIREMENTS C1 and B1 (ALG 17, PIPL 24(2)) and the judgment (2022)京04民终494号: "
            "personalized push is not necessary to provide a learning service, so it needs an opt-in.",
            id="recommendations.E001",
        )
    ]
