"""A system check that personalization is opt-in (REQUIREMENTS C1, B1; CC 1035, PIPL 13).

Opt-in is not what PIPL 24(2) or ALG 17 ask (they ask for a non-personalized
option or a convenient way to refuse); it follows from profiling not being
necessary for the contract, as the judgment held, so it needs consent.
"""

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
            hint="Breaks REQUIREMENTS C1 and B1 and the judgment (2022)京04民终494号: personalized push is "
            "not necessary to conclude or perform the contract (basic functions, or add-ons the person "
            "chose), so it needs consent (CC 1035, PIPL 13(1)(1)).",
            id="recommendations.E001",
        )
    ]
