"""The notices people are shown, declared by the host project and published as versions (A4, A6).

The host declares its privacy policy and one notice per consent purpose in its
`consent_purposes.py` (next to the purposes), with `register(Notice(...))`.
Each notice is one template per language, `consent/notices/<slug>/<language>.html`,
in the host's own templates (the package ships none: the text is the host's).
The text is self-contained (no context, no translation tags), so what is
rendered today is byte for byte what was rendered when it was published, and
its SHA-256 proves it. To change a notice: edit its templates, raise `version`
in the declaration (and the purpose's `material_version` if the change is material), then run
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


# Filled by the host's consent_purposes.py modules (ConsentConfig.ready()):
# the privacy policy and one short notice per consent purpose (B2). A purpose
# on the contract basis is explained by the privacy policy and needs none.
NOTICES: list[Notice] = []


class AlreadyRegistered(Exception):
    pass


def register(notice: Notice) -> Notice:
    """Declare one notice (the policy, or the notice of one purpose). Declared twice: an error."""
    for existing in NOTICES:
        if (existing.kind, existing.purpose) == (notice.kind, notice.purpose):
            if existing is notice:
                return notice
            raise AlreadyRegistered(f"The notice {notice.slug!r} is declared twice.")
    NOTICES.append(notice)
    return notice


def unregister(notice: Notice) -> None:
    """For tests that declare a notice of their own."""
    if notice in NOTICES:
        NOTICES.remove(notice)


def notice_for_purpose(code: str) -> Notice | None:
    for notice in NOTICES:
        if notice.kind == NoticeKind.PURPOSE and notice.purpose == code:
            return notice
    return None


def privacy_policy_notice() -> Notice | None:
    """The declared privacy policy; None until the host declares one (check consent.E004)."""
    for notice in NOTICES:
        if notice.kind == NoticeKind.PRIVACY_POLICY:
            return notice
    return None


def language_codes() -> list[str]:
    """The languages every notice is published in (A4): the project's LANGUAGES.

    A project that never set LANGUAGES (Django's default lists every language
    Django speaks) publishes in its LANGUAGE_CODE only.
    """
    if settings.is_overridden("LANGUAGES"):
        return [code for code, _name in settings.LANGUAGES]
    from django.utils import translation

    try:
        return [translation.get_supported_language_variant(settings.LANGUAGE_CODE)]
    except LookupError:
        return [settings.LANGUAGE_CODE]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
