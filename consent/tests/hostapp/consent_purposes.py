"""What a host declares: its purposes and notices (discovered by the consent app)."""

from datetime import date

from consent.notices import Notice, NoticeKind
from consent.notices import register as register_notice
from consent.purposes import LegalBasis, Purpose
from consent.purposes import register as register_purpose

register_purpose(
    Purpose(
        code="membership",
        title="Your account",
        description="Your user name and password, to sign you in.",
        legal_basis=LegalBasis.CONTRACT,
        data_categories=("User name",),
        retention="While you have an account.",
    )
)
register_purpose(
    Purpose(
        code="newsletter",
        title="Newsletter by email",
        description="A monthly email about what is new.",
        legal_basis=LegalBasis.CONSENT,
        data_categories=("Email address",),
        retention="Until you withdraw your consent.",
        asked_at_first_run=True,
        skip_message="Skipped. No newsletter; everything else works.",
    )
)
register_purpose(
    Purpose(
        code="surveys",
        title="Invitations to surveys",
        description="Now and then, an email asking your opinion.",
        legal_basis=LegalBasis.CONSENT,
        data_categories=("Email address",),
        retention="Until you withdraw your consent.",
    )
)
register_notice(Notice(kind=NoticeKind.PRIVACY_POLICY, purpose="", version="1.0", effective=date(2026, 1, 1)))
register_notice(
    Notice(kind=NoticeKind.PURPOSE, purpose="newsletter", version="1.0", effective=date(2026, 1, 1))
)
register_notice(Notice(kind=NoticeKind.PURPOSE, purpose="surveys", version="1.0", effective=date(2026, 1, 1)))
