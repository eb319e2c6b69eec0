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
from django.utils.functional import Promise
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
    # One line on what this version changed: printed by `publish_notices` and
    # shown to everyone who acknowledged an earlier version (A6, APP191 2.2).
    # The published text itself carries the same line, in each language.
    what_changed: Promise | str = ""

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


# 1.2: operator-created accounts (A7), the material-change erasure (A6),
# product news by SMS (B9), the ledger as tamper-evident (E1), corrected
# citations; item 3 also lists the progress data kept to provide the service,
# with its legal basis (contract) and retention. Earlier versions stay
# published and readable.
PRIVACY_POLICY = Notice(
    kind=NoticeKind.PRIVACY_POLICY,
    purpose="",
    version="1.2",
    effective=date(2026, 11, 29),
    what_changed=_(
        "When an institution may have us create an account for you, and that such an account is deleted "
        "if nobody signs in within 90 days; after a material change, answers are deleted 30 days later "
        "unless you agree again; product news texts carry our name and stop when you reply TD; consent "
        "records are described as tamper-evident; the laws behind each point are cited correctly; the "
        "lessons you mark as done are kept to run your courses, erased when you leave a course, and never "
        "used for recommendations."
    ),
)

# One short notice per consent purpose (B2). A purpose on the contract basis
# ("account") is explained by the privacy policy and needs none. A new notice
# version with the same material version is a wording change: grants given on
# the earlier text still count.
NOTICES: list[Notice] = [
    PRIVACY_POLICY,
    # 1.1: plainer Chinese; the same purpose (not material).
    Notice(kind=NoticeKind.PURPOSE, purpose=purposes.PROFILING, version="1.1", effective=date(2026, 11, 29)),
    # 1.1: the sender's signature and the reply-TD opt-out (B9; not material).
    Notice(
        kind=NoticeKind.PURPOSE,
        purpose=purposes.PRODUCT_NEWS_SMS,
        version="1.1",
        effective=date(2026, 11, 29),
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
