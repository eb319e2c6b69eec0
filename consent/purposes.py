"""The purposes we process personal data for, declared in code (REQUIREMENTS B6, A6).

One decision is recorded per purpose, never one for several (B1, B6: PIPL 14,
CC 1035(1) and (3)). A purpose whose legal basis is `contract` needs only a notice (the
privacy policy, acknowledged at signup); a `consent` purpose needs its own
short notice and its own yes or no.

Bumping `material_version` is how a material change to a purpose is announced
(A6, PIPL 14(2)): grants given for an older version stop counting at once, and
the consent screen is shown again with `what_changed`. Publish a notice for the
new version (`manage.py publish_notices`) in the same change; the system check
`consent.E001` fails until every language has one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class LegalBasis(models.TextChoices):
    # PIPL 13(1)(2) / GDPR 6(1)(b): necessary to conclude or perform a contract
    # to which the person is a party; the judgment limits it to the basic
    # service functions, or add-ons the person chose.
    CONTRACT = "contract", _("Necessary to conclude or perform a contract to which you are a party")
    # PIPL 13(1)(1), 14 / GDPR 6(1)(a): a freely given, informed, explicit yes,
    # asked on its own screen (not the PIPL's 单独同意, a term of art for other cases).
    CONSENT = "consent", _("Your consent")


@dataclass(frozen=True)
class Purpose:
    code: str
    title: Promise
    description: Promise
    legal_basis: LegalBasis
    data_categories: tuple[Promise, ...]
    retention: Promise
    # Who receives the data besides us. Empty on purpose: we share with no one.
    recipients: tuple[Promise, ...] = ()
    material_version: int = 1
    # Shown on the consent screen when someone decided on an older version (A6).
    what_changed: Promise | str = ""
    # False keeps a purpose out of the signup and first-run flow (B1: product
    # news is offered only in the privacy centre).
    offered_at_onboarding: bool = False

    @property
    def needs_consent(self) -> bool:
        return self.legal_basis == LegalBasis.CONSENT


ACCOUNT = "account"
PROFILING = "profiling"
PRODUCT_NEWS_SMS = "product_news_sms"

PURPOSES: dict[str, Purpose] = {
    ACCOUNT: Purpose(
        code=ACCOUNT,
        title=_("Your account and sign-in"),
        description=_("We use your mobile number to create your account and to send you sign-in codes."),
        legal_basis=LegalBasis.CONTRACT,
        data_categories=(_("Mobile number"),),
        retention=_("While you have an account; erased when you cancel it."),
    ),
    PROFILING: Purpose(
        code=PROFILING,
        title=_("Personalized course recommendations"),
        description=_(
            "We ask for your occupation, learning goal and English level, all optional, and use the "
            "answers only to suggest courses that suit you."
        ),
        legal_basis=LegalBasis.CONSENT,
        data_categories=(_("Occupation"), _("Learning goal"), _("English level")),
        retention=_("Until you delete an answer, withdraw your consent or cancel your account; then erased."),
        offered_at_onboarding=True,
    ),
    PRODUCT_NEWS_SMS: Purpose(
        code=PRODUCT_NEWS_SMS,
        title=_("Product news by SMS"),
        description=_("Occasional text messages about new courses and features."),
        legal_basis=LegalBasis.CONSENT,
        data_categories=(_("Mobile number"),),
        retention=_("Until you withdraw your consent or cancel your account."),
    ),
}


class UnknownPurposeError(LookupError):
    """A purpose code that is not declared here: a programming error, never user input."""


def get_purpose(code: str) -> Purpose:
    try:
        return PURPOSES[code]
    except KeyError:
        raise UnknownPurposeError(code) from None


def consent_purposes() -> list[Purpose]:
    return [purpose for purpose in PURPOSES.values() if purpose.needs_consent]
