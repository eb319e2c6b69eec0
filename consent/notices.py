"""The notices people are shown, declared in code and published as versions (A4, A6).

Each notice is one template per language, `consent/notices/<slug>/<language>.html`.
The text is self-contained (no context, no translation tags), so what is
rendered today is byte for byte what was rendered when it was published, and
its SHA-256 proves it. To change a notice: edit its templates, raise `version`
here (and the purpose's `material_version` if the change is material), then run
`manage.py publish_notices`. Editing a template without a new version is an
unannounced change: `publish_notices` refuses it and the system check
`consent.E002` fails (A6, PIPL 17(2)).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from consent import purposes


class NoticeKind(models.TextChoices):
    PRIVACY_POLICY = "privacy_policy", _("Privacy policy")
    PURPOSE = "purpose", _("Consent notice")


@dataclass(frozen=True)
class Notice:
    kind: str
    # The purpose a consent notice explains; the policy covers them all: "".
    purpose: str
    version: str
    effective: date

    @property
    def slug(self) -> str:
        return self.purpose or self.kind

    @property
    def material_version(self) -> int:
        # The policy has no material version of its own: every new version of
        # it is acknowledged again (A6). A purpose notice describes one
        # material version of its purpose.
        if self.kind == NoticeKind.PRIVACY_POLICY:
            return 0
        return purposes.get_purpose(self.purpose).material_version

    def template_name(self, language: str) -> str:
        return f"consent/notices/{self.slug}/{language}.html"

    def render(self, language: str) -> str:
        return render_to_string(self.template_name(language))


# 1.1: retention of copies of personal data, of the staff access log and of
# unsent SMS listed (issue 6, REQUIREMENTS E4).
# 1.2: item 3 also lists the progress data kept to provide the service, with
# its legal basis (contract) and retention.
PRIVACY_POLICY = Notice(
    kind=NoticeKind.PRIVACY_POLICY, purpose="", version="1.2", effective=date(2026, 11, 29)
)

# One short notice per consent purpose (B2). A purpose on the contract basis
# ("account") is explained by the privacy policy and needs none.
NOTICES: list[Notice] = [
    PRIVACY_POLICY,
    Notice(kind=NoticeKind.PURPOSE, purpose=purposes.PROFILING, version="1.0", effective=date(2026, 11, 1)),
    Notice(
        kind=NoticeKind.PURPOSE, purpose=purposes.PRODUCT_NEWS_SMS, version="1.0", effective=date(2026, 11, 1)
    ),
]


def notice_for_purpose(code: str) -> Notice | None:
    for notice in NOTICES:
        if notice.kind == NoticeKind.PURPOSE and notice.purpose == code:
            return notice
    return None


def privacy_policy_notice() -> Notice:
    for notice in NOTICES:
        if notice.kind == NoticeKind.PRIVACY_POLICY:
            return notice
    return PRIVACY_POLICY


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
