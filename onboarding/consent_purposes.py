"""LearnRight's purposes and notices, declared to the consent app (REQUIREMENTS B6, A4, A6).

Discovered by the consent app at startup (autodiscovery of `consent_purposes`
modules, like personal_data.py). They live here because onboarding owns what
they are about: the account and its mobile number, the optional profile
questions (profiling) and the product-news text messages. The notice texts
are LearnRight's templates, `templates/consent/notices/<slug>/<language>.html`;
their paths are unchanged since they were first published, so the published
SHA-256 of each version still matches.

A material change to a purpose: raise its `material_version`, add
`what_changed`, raise its notice's `version`, edit the templates, then run
`manage.py publish_notices` (A6, PIPL 14(2), 17(2)).
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from consent.notices import Notice, NoticeKind
from consent.notices import register as register_notice
from consent.purposes import LegalBasis, Purpose
from consent.purposes import register as register_purpose

ACCOUNT = "account"
PROFILING = "profiling"
PRODUCT_NEWS_SMS = "product_news_sms"

# First on the contract basis: the privacy-policy acknowledgment is recorded under it (A3).
register_purpose(
    Purpose(
        code=ACCOUNT,
        title=_("Your account and sign-in"),
        description=_("We use your mobile number to create your account and to send you sign-in codes."),
        legal_basis=LegalBasis.CONTRACT,
        data_categories=(_("Mobile number"),),
        retention=_("While you have an account; erased when you cancel it."),
    )
)
register_purpose(
    Purpose(
        code=PROFILING,
        title=_("Personalized course recommendations"),
        description=_(
            "We ask for your occupation, learning goal and English level, all optional, and use the "
            "answers only to suggest courses that suit you."
        ),
        legal_basis=LegalBasis.CONSENT,
        data_categories=(_("Occupation"), _("Learning goal"), _("English level")),
        retention=_("Until you delete an answer, withdraw your consent or cancel your account; then erased."),
        # B1: its own screen right after signup, separate from the policy.
        asked_at_first_run=True,
        # B8: refusing changes nothing but personalization.
        skip_message=_("Skipped. Every course is open to you; you can change this at any time."),
    )
)
# Offered in the privacy centre only, never in the signup flow (B1, B6).
register_purpose(
    Purpose(
        code=PRODUCT_NEWS_SMS,
        title=_("Product news by SMS"),
        description=_("Occasional text messages about new courses and features."),
        legal_basis=LegalBasis.CONSENT,
        data_categories=(_("Mobile number"),),
        retention=_("Until you withdraw your consent or cancel your account."),
    )
)

# 1.2: operator-created accounts (A7), the material-change erasure (A6),
# product news by SMS (B9), the ledger as tamper-evident (E1), corrected
# citations; item 3 also lists the progress data kept to provide the service,
# with its legal basis (contract) and retention. Earlier versions stay
# published and readable.
PRIVACY_POLICY = register_notice(
    Notice(
        kind=NoticeKind.PRIVACY_POLICY,
        purpose="",
        version="1.2",
        effective=date(2026, 11, 29),
        what_changed=_(
            "When an institution may have us create an account for you, and that such an account is deleted "
            "if nobody signs in within 90 days; after a material change, answers are deleted 30 days later "
            "unless you agree again; product news texts carry our name and stop when you reply TD; consent "
            "records are described as tamper-evident; the laws behind each point are cited correctly; the "
            "lessons you mark as done are kept to run your courses, erased when you leave a course, and "
            "never used for recommendations."
        ),
    )
)
# One short notice per consent purpose (B2). The account purpose rests on the
# contract and is explained by the privacy policy. A new notice version with
# the same material version is a wording change: grants given on the earlier
# text still count.
# 1.1: plainer Chinese; the same purpose (not material).
register_notice(
    Notice(kind=NoticeKind.PURPOSE, purpose=PROFILING, version="1.1", effective=date(2026, 11, 29))
)
# 1.1: the sender's signature and the reply-TD opt-out (B9; not material).
register_notice(
    Notice(kind=NoticeKind.PURPOSE, purpose=PRODUCT_NEWS_SMS, version="1.1", effective=date(2026, 11, 29))
)
