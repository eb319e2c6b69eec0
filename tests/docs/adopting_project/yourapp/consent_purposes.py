from datetime import date

from consent.notices import Notice, NoticeKind
from consent.notices import register as register_notice
from consent.purposes import LegalBasis, Purpose
from consent.purposes import register as register_purpose

register_purpose(
    Purpose(
        code="account",
        title="Your account",
        description="Your user name and password, to sign you in.",
        legal_basis=LegalBasis.CONTRACT,
        data_categories=("User name",),
        retention="While you have an account.",
    )
)
register_purpose(
    Purpose(
        code="marketing_emails",
        title="Marketing emails",
        description="Occasional emails about new features.",
        legal_basis=LegalBasis.CONSENT,
        data_categories=("Email address",),
        retention="Until you withdraw your consent.",
        asked_at_first_run=True,
    )
)
register_notice(Notice(kind=NoticeKind.PRIVACY_POLICY, purpose="", version="1.0", effective=date(2026, 1, 1)))
register_notice(
    Notice(kind=NoticeKind.PURPOSE, purpose="marketing_emails", version="1.0", effective=date(2026, 1, 1))
)
