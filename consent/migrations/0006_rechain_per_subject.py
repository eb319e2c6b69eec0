"""Carry the single site-wide chain over to one chain per subject (REQUIREMENTS E1, E5).

The old chain is verified first, with the hashing it was written with (frozen
below): if any record was altered, removed or inserted, the migration stops,
so re-chaining can never launder tampering into a fresh, valid-looking chain.
Then each subject's records, in their old order, get positions 1, 2, 3 ...
and new `prev_hash`/`record_hash` values. Nothing a record says (id, subject,
purpose, decision, notice, time, IP, user agent) changes; receipts issued
before carry the old hash, and a receipt downloaded again carries the new one.

The hashing of both formats is copied here on purpose: a migration must keep
producing the same bytes whatever the app's code becomes later.
"""

import hashlib
import json
from datetime import UTC

from django.db import migrations

LEGACY_GENESIS = "0" * 64
_RECORD_PREFIX = b"consent-ledger/record/1\x00"
_GENESIS_PREFIX = b"consent-ledger/genesis/1\x00"


class LegacyLedgerBroken(RuntimeError):
    """The site-wide chain does not verify: fix or explain that before upgrading."""


def _canonical(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _fields(record, sequence: int) -> dict:
    return {
        "id": str(record.id),
        "sequence": sequence,
        "subject_id": str(record.subject_id),
        "purpose": record.purpose,
        "decision": record.decision,
        "notice_version_id": record.notice_version_id,
        "notice_sha256": record.notice_sha256,
        "language": record.language,
        "surface": record.surface,
        "created_at": record.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "ip_truncated": record.ip_truncated,
        "user_agent": record.user_agent,
    }


def legacy_hash(record, *, sequence: int, prev_hash: str) -> str:
    """The site-wide chain's hash: SHA-256 of the fields with the global position and prev_hash."""
    return hashlib.sha256(_canonical({**_fields(record, sequence), "prev_hash": prev_hash})).hexdigest()


def subject_genesis(subject_id) -> str:
    return hashlib.sha256(_GENESIS_PREFIX + str(subject_id).encode("ascii")).hexdigest()


def subject_hash(record, *, sequence: int, prev_hash: str) -> str:
    content = hashlib.sha256(_canonical(_fields(record, sequence))).digest()
    return hashlib.sha256(_RECORD_PREFIX + bytes.fromhex(prev_hash) + content).hexdigest()


def _set_trigger(schema_editor, enabled: bool) -> None:
    if schema_editor.connection.vendor == "postgresql":
        action = "ENABLE" if enabled else "DISABLE"
        schema_editor.execute(f"ALTER TABLE consent_consentrecord {action} TRIGGER consent_ledger_append_only")


def rechain_per_subject(apps, schema_editor):
    ConsentRecord = apps.get_model("consent", "ConsentRecord")
    records = list(ConsentRecord.objects.order_by("sequence"))
    expected_prev = LEGACY_GENESIS
    for position, record in enumerate(records, start=1):
        if (
            record.sequence != position
            or record.prev_hash != expected_prev
            or legacy_hash(record, sequence=record.sequence, prev_hash=record.prev_hash) != record.record_hash
        ):
            raise LegacyLedgerBroken(
                f"The consent ledger does not verify at record {record.id} (position {record.sequence}). "
                "Run `manage.py verify_consent_ledger` on the previous release and resolve it before "
                "upgrading: re-chaining a broken ledger would hide the tampering."
            )
        expected_prev = record.record_hash
    heads: dict[str, tuple[int, str]] = {}
    _set_trigger(schema_editor, enabled=False)
    for record in records:
        subject = str(record.subject_id)
        position, prev_hash = heads.get(subject, (0, subject_genesis(subject)))
        position += 1
        record_hash = subject_hash(record, sequence=position, prev_hash=prev_hash)
        ConsentRecord.objects.filter(pk=record.pk).update(
            sequence=position, prev_hash=prev_hash, record_hash=record_hash
        )
        heads[subject] = (position, record_hash)
    _set_trigger(schema_editor, enabled=True)


def rechain_site_wide(apps, schema_editor):
    """Back to one chain, in time order (for migrating back)."""
    ConsentRecord = apps.get_model("consent", "ConsentRecord")
    records = list(ConsentRecord.objects.order_by("created_at", "subject_id", "sequence"))
    _set_trigger(schema_editor, enabled=False)
    # Positions far above any existing one first, so the unique index never sees a clash.
    offset = len(records) + 1
    for position, record in enumerate(records, start=1):
        ConsentRecord.objects.filter(pk=record.pk).update(sequence=offset + position)
    prev_hash = LEGACY_GENESIS
    for position, record in enumerate(records, start=1):
        record_hash = legacy_hash(record, sequence=position, prev_hash=prev_hash)
        ConsentRecord.objects.filter(pk=record.pk).update(
            sequence=position, prev_hash=prev_hash, record_hash=record_hash
        )
        prev_hash = record_hash
    _set_trigger(schema_editor, enabled=True)


class Migration(migrations.Migration):
    dependencies = [("consent", "0005_consentrecord_sequence_per_subject")]

    operations = [migrations.RunPython(rechain_per_subject, rechain_site_wide, elidable=False)]
