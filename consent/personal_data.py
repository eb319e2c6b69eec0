"""What the consent app holds about a person, for the copy of my data and erasure (D1, D4, E3, E4).

- The ledger records are exported, and stay after the account is erased: the
  law asks us to be able to prove consent (PIPL 13(1)(3), 14, 51; GDPR 7(1)), and they
  hold only the pseudonymous subject id, which then matches no account.
- Copies of my data are erased with the account and expire after
  CONSENT_EXPORT_LIFETIME (7 days unless the project says otherwise).
- The pseudonymous subject id kept for accounts whose user model has none
  (ConsentSubject) goes with the account, by cascade: that is what makes the
  kept records unlinkable.
- Staff access log entries about the person are exported and kept, like the
  ledger and for the same reason (they are the accountability record of who
  looked at whose data, PIPL 51); they name the person only by subject id and
  are deleted after 3 years by the retention job.
"""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consent import purposes, selectors, services
from consent.app_settings import app_settings
from consent.models import ConsentSubject, DataExport
from consent.registry import PersonalDataCategory, register


def _purpose_title(code: str) -> str:
    purpose = purposes.PURPOSES.get(code)
    return str(purpose.title) if purpose is not None else code


def consent_records_export(user) -> list[dict]:
    # Each code comes with its label in the person's language (`*_label`), so
    # the file reads without a glossary and the codes stay for machines (D1).
    return [
        {
            "record_id": str(record.id),
            "time": record.created_at.isoformat(),
            "purpose": record.purpose,
            "purpose_label": _purpose_title(record.purpose),
            "decision": record.decision,
            "decision_label": str(record.get_decision_display()),
            "notice": record.notice_version.get_kind_display(),
            "notice_version": record.notice_version.version,
            "notice_sha256": record.notice_sha256,
            "language": record.language,
            "screen": record.surface,
            "screen_label": str(record.surface_label),
            "ip_truncated": record.ip_truncated,
            "user_agent": record.user_agent,
        }
        for record in selectors.consent_records_for_user(user=user)
    ]


def data_exports_export(user) -> list[dict]:
    # When the latest few copies were made, never what they held: a copy
    # that embedded the earlier ones would grow with every request (D1).
    exports = selectors.data_exports_of(user=user).order_by("-created_at")[: selectors.EXPORT_HISTORY_LENGTH]
    return [
        {
            "requested": export.created_at.isoformat(),
            "status": export.status,
            "status_label": str(export.get_status_display()),
        }
        for export in exports
    ]


def staff_access_export(user) -> list[dict]:
    # When and which page; the staff member's own identity is their personal data.
    return [
        {"time": entry.created_at.isoformat(), "page": entry.page}
        for entry in selectors.staff_access_entries_about(user=user)
    ]


def _export_days() -> int:
    return app_settings.EXPORT_LIFETIME.days


# Lazy: the lifetime is the project's setting, read when the text is shown.
_export_description = lazy(
    lambda: (
        ngettext(
            "Files you asked for under Copy of my data; each can be downloaded for %(days)d day.",
            "Files you asked for under Copy of my data; each can be downloaded for %(days)d days.",
            _export_days(),
        )
        % {"days": _export_days()}
    ),
    str,
)
_export_retention = lazy(
    lambda: ngettext("%(days)d day.", "%(days)d days.", _export_days()) % {"days": _export_days()}, str
)


register(
    PersonalDataCategory(
        key="consent_records",
        label=_("Your consent history"),
        description=_("Each decision you made, with the exact notice version you were shown."),
        models=(ConsentSubject,),
        export=consent_records_export,
        erase=lambda user: None,
        kept_after_erasure=True,
        field_labels={
            "record_id": _("Record"),
            "time": _("Time"),
            "purpose": _("Purpose (code)"),
            "purpose_label": _("Purpose"),
            "decision": _("Decision (code)"),
            "decision_label": _("Decision"),
            "notice": _("Notice"),
            "notice_version": _("Notice version"),
            "notice_sha256": _("SHA-256 of the notice"),
            "language": _("Language"),
            "screen": _("Screen (code)"),
            "screen_label": _("Screen"),
            "ip_truncated": _("IP address (truncated)"),
            "user_agent": _("Browser (truncated)"),
        },
        on_erasure=_("Kept for 3 years as proof of consent, linked to no account or number."),
        order=10,
        retention=_("While you have an account and 3 years after it is cancelled, unlinkable."),
    )
)

register(
    PersonalDataCategory(
        key="data_exports",
        label=_("Copies of your data"),
        description=_export_description(),
        models=(DataExport,),
        export=data_exports_export,
        erase=lambda user: services.data_exports_erase(user=user),
        field_labels={
            "requested": _("Requested"),
            "status": _("Status (code)"),
            "status_label": _("Status"),
        },
        on_erasure=_("Erased."),
        order=300,
        purge_expired=lambda now: services.data_exports_purge_expired(now=now),
        retention=_export_retention(),
    )
)

register(
    PersonalDataCategory(
        key="staff_access",
        label=_("Staff access to your data"),
        description=_("Each time a member of staff opened your data in the administration site."),
        models=(),
        export=staff_access_export,
        erase=lambda user: None,
        kept_after_erasure=True,
        field_labels={"time": _("Time"), "page": _("Page")},
        on_erasure=_("Kept for 3 years as an accountability record, linked to no account or number."),
        order=20,
        purge_expired=lambda now: services.staff_access_log_purge_expired(now=now),
        retention=_("3 years."),
    )
)
