"""Objects the services and selectors return, as the JSON the serializers describe."""

from __future__ import annotations

from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from consent import purposes as consent_purposes
from consent import selectors as consent_selectors


def validated(serializer_class, request) -> dict:
    """The request body checked for shape; a ValidationError becomes validation_error (400)."""
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def notice(version) -> dict:
    return {
        "id": version.pk,
        "kind": version.kind,
        "purpose": version.purpose,
        "version": version.version,
        "language": version.language,
        "effective_date": version.effective_date,
        "text": version.text,
        "sha256": version.sha256,
    }


def purpose(purpose_obj: consent_purposes.Purpose) -> dict:
    return {
        "code": purpose_obj.code,
        "title": str(purpose_obj.title),
        "description": str(purpose_obj.description),
        "legal_basis": str(purpose_obj.legal_basis.value),
        "data_categories": [str(category) for category in purpose_obj.data_categories],
        "retention": str(purpose_obj.retention),
        "recipients": [str(recipient) for recipient in purpose_obj.recipients],
        "needs_consent": purpose_obj.needs_consent,
    }


def record(consent_record) -> dict:
    return {
        "id": consent_record.id,
        "purpose": consent_record.purpose,
        "decision": consent_record.decision,
        "notice_version": consent_record.notice_version.version,
        "notice_id": consent_record.notice_version_id,
        "notice_sha256": consent_record.notice_sha256,
        "language": consent_record.language,
        "surface": consent_record.surface,
        "created_at": consent_record.created_at,
    }


def next_step(*, user) -> dict:
    """The web's first-run order (consent_first_run_url), named for an app (A2, B1, B5)."""
    url = consent_selectors.consent_first_run_url(user=user)
    if url is None:
        return {"next": "recommendations", "consent_purpose": None}
    if url == reverse("consent:acknowledge"):
        return {"next": "acknowledgment", "consent_purpose": None}
    match = resolve(url)
    return {"next": "consent_step", "consent_purpose": match.kwargs.get("purpose")}


def export(data_export) -> dict:
    return {
        "id": data_export.pk,
        "status": data_export.status,
        "progress": data_export.progress,
        "created_at": data_export.created_at,
        "expires_at": data_export.expires_at,
        "download_url": reverse("api:export_download", args=[data_export.pk])
        if data_export.is_ready
        else None,
    }
