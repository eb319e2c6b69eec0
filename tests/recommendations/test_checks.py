import dataclasses

from consent import purposes
from onboarding.consent_purposes import PROFILING
from recommendations import checks


def test_our_personalization_is_opt_in():
    assert checks.personalization_is_opt_in_check() == []


def test_personalization_under_a_contract_purpose_is_flagged_as_on_by_default(monkeypatch):
    on_by_default = dataclasses.replace(
        purposes.PURPOSES[PROFILING], legal_basis=purposes.LegalBasis.CONTRACT
    )
    monkeypatch.setitem(purposes.PURPOSES, PROFILING, on_by_default)
    errors = checks.personalization_is_opt_in_check()
    assert [e.id for e in errors] == ["recommendations.E001"]
    assert "on by default" in errors[0].msg
    assert "C1" in errors[0].hint
