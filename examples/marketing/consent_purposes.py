from datetime import date

from consent.notices import Notice, NoticeKind
from consent.notices import register as register_notice
from consent.purposes import LegalBasis, Purpose
from consent.purposes import register as register_purpose

# What the service needs to work: explained by the privacy policy, no consent asked.
# The first purpose on the contract basis is the one the policy is acknowledged under.
register_purpose(
    Purpose(
        code="account",
        title="Your account",
        description="Your user name and password, to sign you in.",
        legal_basis=LegalBasis.CONTRACT,
        data_categories=("User name", "Email address"),
        retention="While you have an account; erased when you cancel it.",
    )
)
# Optional: its own notice, its own yes or no.
register_purpose(
    Purpose(
        code="marketing_emails",
        title="Marketing emails",
        description="Now and then, an email about our new products.",
        legal_basis=LegalBasis.CONSENT,
        data_categories=("Email address",),
        retention="Until you withdraw your consent or cancel your account.",
        # Asked on its own screen right after the privacy policy, once.
        asked_at_first_run=True,
        skip_message="Skipped. You will get no marketing emails; everything else works the same.",
    )
)

register_notice(Notice(kind=NoticeKind.PRIVACY_POLICY, purpose="", version="1.0", effective=date(2026, 1, 1)))
register_notice(
    Notice(kind=NoticeKind.PURPOSE, purpose="marketing_emails", version="1.0", effective=date(2026, 1, 1))
)
