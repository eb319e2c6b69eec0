"""Published notice versions and the append-only consent ledger (REQUIREMENTS A6, E1).

Both tables only ever grow. Rows are written by `consent.services` and never
changed: `save()` on an existing row, `delete()`, and queryset `update()`,
`delete()`, `bulk_create()` and `bulk_update()` raise `ImmutableRecordError`;
the admin is read-only; on PostgreSQL a trigger (migration 0002) refuses
UPDATE and DELETE from any client. What still gets past all that (a superuser
at the SQL prompt) is detected, not prevented: by each subject's hash chain and
by the signed checkpoints over every chain (E5), both checked by
`manage.py verify_consent_ledger`.
"""

from __future__ import annotations

import uuid
from datetime import UTC

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consent import verify_receipt as ledger_hashing
from consent.notices import NoticeKind, text_sha256


class ImmutableRecordError(Exception):
    """A change to a published notice or a ledger record (GDPR 7(1), PIPL 51)."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRecordError(f"{self.model.__name__} rows cannot be updated.")

    def delete(self):
        raise ImmutableRecordError(f"{self.model.__name__} rows cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise ImmutableRecordError(f"{self.model.__name__} rows cannot be updated.")

    def bulk_create(self, objs, *args, **kwargs):
        # Bulk inserts would bypass the chain (ledger) and the hash (notices).
        raise ImmutableRecordError(
            f"{self.model.__name__} rows are appended one at a time by consent.services."
        )

    delete.queryset_only = True


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(f"{type(self).__name__} rows cannot be changed once written.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(f"{type(self).__name__} rows cannot be deleted.")


class NoticeVersion(AppendOnlyModel):
    """One published text of one notice in one language, with its SHA-256 (A4, A6)."""

    kind = models.CharField(_("kind"), max_length=32, choices=NoticeKind.choices)
    purpose = models.CharField(_("purpose"), max_length=64, blank=True)
    version = models.CharField(_("version"), max_length=32)
    material_version = models.PositiveIntegerField(_("material version of the purpose"), default=0)
    language = models.CharField(_("language"), max_length=16)
    effective_date = models.DateField(_("effective date"))
    text = models.TextField(_("text as published"))
    sha256 = models.CharField(_("SHA-256 of the text"), max_length=64)
    published_at = models.DateTimeField(_("published"))

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("published notice version")
        verbose_name_plural = _("published notice versions")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "purpose", "version", "language"], name="consent_notice_version_unique"
            )
        ]
        ordering = ["kind", "purpose", "language", "-published_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.purpose} {self.version} ({self.language})".replace("  ", " ")

    def get_absolute_url(self) -> str:
        return reverse("consent:privacy_policy_version", args=[self.pk])

    def text_is_intact(self) -> bool:
        return text_sha256(self.text) == self.sha256


class Decision(models.TextChoices):
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    GRANTED = "granted", _("Granted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# What people read for the screens this app records decisions on; a project
# names its own in CONSENT_SURFACE_LABELS or with `surface_label_register` (from its
# AppConfig.ready), and any other falls back to its code.
SURFACE_LABELS = {
    "signup": _("Signup page"),
    "first_run": _("Privacy policy page at first sign-in"),
    "consent_screen": _("Consent screen"),
    "privacy_centre": _("Privacy centre"),
    "account_cancellation": _("Account cancellation"),
    # Decisions sent by a native app through the API (G1).
    "app": _("App"),
}


def surface_label_register(code: str, label) -> None:
    """Name a project's own surface in the consent history, e.g. a reply by text message."""
    SURFACE_LABELS[code] = label


class ConsentRecord(AppendOnlyModel):
    """One decision of one person about one purpose: the ledger (E1).

    `subject_id` is the account's random pseudonymous id, deliberately not a
    foreign key: the record outlives the account and, once the account is
    erased, matches nobody (D4, E4).

    Each subject has a chain of their own (E1, E5): `sequence` is the record's
    position in its subject's chain (1, 2, 3 ...), and `record_hash` binds the
    record's fields (`canonical_payload`) to `prev_hash`, the hash of the
    subject's record before it (a per-subject genesis hash for the first). An
    edited, removed, inserted or reordered record breaks its chain; removing a
    chain's newest records or a whole chain is caught by the signed
    checkpoints (`LedgerCheckpoint`). Why per subject rather than one chain
    for the site: appends for different people never wait for each other
    (see `consent.ledger.record_append`).
    """

    id = models.UUIDField(_("record id"), primary_key=True, default=uuid.uuid4, editable=False)
    sequence = models.PositiveBigIntegerField(_("position in the subject's chain"))
    # Indexed by the (subject_id, sequence) constraint, which every lookup of a person's records uses.
    subject_id = models.UUIDField(_("pseudonymous subject id"))
    purpose = models.CharField(_("purpose"), max_length=64)
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices)
    notice_version = models.ForeignKey(
        NoticeVersion,
        verbose_name=_("notice shown"),
        on_delete=models.PROTECT,
        related_name="consent_records",
    )
    # Copied so the record alone proves which text was shown, and so the chain
    # covers it (E1: "the exact notice version and its text hash").
    notice_sha256 = models.CharField(_("SHA-256 of the notice shown"), max_length=64)
    language = models.CharField(_("language"), max_length=16)
    surface = models.CharField(_("screen"), max_length=64)
    created_at = models.DateTimeField(_("time"))
    ip_truncated = models.CharField(_("IP address (truncated)"), max_length=64, blank=True)
    user_agent = models.CharField(_("user agent (truncated)"), max_length=256, blank=True)
    # Not indexed: nothing looks records up by hash, and every index is paid
    # on each append. A fork (two records after one head) would need two
    # records at one position of one chain, which the constraint below refuses.
    prev_hash = models.CharField(_("hash of the previous record"), max_length=64)
    record_hash = models.CharField(_("hash of this record"), max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["subject_id", "sequence"]
        constraints = [
            # Two appends that read the same head cannot both be stored (no fork).
            models.UniqueConstraint(fields=["subject_id", "sequence"], name="consent_record_chain_position"),
        ]
        indexes = [
            models.Index(fields=["subject_id", "purpose", "-sequence"], name="consent_subject_purpose_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.decision} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def surface_label(self) -> str:
        from consent.app_settings import app_settings

        return {**SURFACE_LABELS, **app_settings.SURFACE_LABELS}.get(self.surface, self.surface)

    def canonical_fields(self) -> dict:
        """Every field the hash covers, as the receipt carries them (E1, E5).

        Changing this (a field, a format) changes every record's hash and
        breaks every chain already stored: the known-answer test pins it.
        """
        return {
            "id": str(self.id),
            "sequence": self.sequence,
            "subject_id": str(self.subject_id),
            "purpose": self.purpose,
            "decision": self.decision,
            "notice_version_id": self.notice_version_id,
            "notice_sha256": self.notice_sha256,
            "language": self.language,
            "surface": self.surface,
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "ip_truncated": self.ip_truncated,
            "user_agent": self.user_agent,
        }

    def canonical_payload(self) -> bytes:
        """The exact bytes the record's content hash is computed over."""
        return ledger_hashing.canonical_json(self.canonical_fields())

    def content_hash(self) -> str:
        return ledger_hashing.sha256_hex(self.canonical_payload())

    def compute_hash(self) -> str:
        """The content hash chained to `prev_hash`: what `record_hash` must be."""
        return ledger_hashing.chain_step(self.prev_hash, self.content_hash())


class LedgerCheckpoint(AppendOnlyModel):
    """A signed commitment to the state of every chain at one moment (E5).

    `root` is the Merkle root (RFC 9162) over one leaf per subject chain:
    the subject id, the chain's length and its newest hash, counting only
    records made at or before `cutoff`. Because the records themselves carry
    their time and each chain's times never decrease, anyone can recompute
    the root later from the records; if a record before the cutoff was
    removed, inserted, reordered or edited, or a chain's newest records were
    cut off, the root differs. The signature (Ed25519) means a person with
    write access to the database but not the key cannot make a new matching
    checkpoint; `previous` links each checkpoint to the one before, so one
    removed from the middle is seen too. Export them (`export_consent_checkpoint`)
    to a place the database's administrators cannot write.
    """

    number = models.PositiveBigIntegerField(_("number"), unique=True)
    cutoff = models.DateTimeField(_("covers records made until"))
    created_at = models.DateTimeField(_("signed at"))
    chains = models.PositiveBigIntegerField(_("chains (subjects)"))
    records = models.PositiveBigIntegerField(_("records"))
    root = models.CharField(_("Merkle root over the chain heads"), max_length=64)
    previous = models.CharField(_("hash of the previous checkpoint"), max_length=64)
    key_fingerprint = models.CharField(_("signing key fingerprint (SHA-256)"), max_length=64)
    public_key = models.CharField(_("public key (Ed25519, hex)"), max_length=64)
    signature = models.CharField(_("signature (Ed25519, hex)"), max_length=128)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger checkpoint")
        verbose_name_plural = _("ledger checkpoints")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"#{self.number} ({self.cutoff:%Y-%m-%d %H:%M})"

    def statement(self) -> dict:
        """What the signature covers, exactly as exported and put in receipts."""
        return {
            "format": ledger_hashing.CHECKPOINT_FORMAT,
            "number": self.number,
            "cutoff": self.cutoff.astimezone(UTC).isoformat(timespec="microseconds"),
            "created_at": self.created_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "chains": self.chains,
            "records": self.records,
            "root": self.root,
            "previous": self.previous,
            "key_fingerprint": self.key_fingerprint,
        }

    def statement_hash(self) -> str:
        return ledger_hashing.sha256_hex(ledger_hashing.canonical_json(self.statement()))

    def export(self) -> dict:
        """The JSON an operator keeps elsewhere, and `verify_consent_ledger --checkpoint` reads."""
        return {
            "statement": self.statement(),
            "signature": self.signature,
            "publicKey": self.public_key,
            "keyFingerprint": self.key_fingerprint,
        }


class DataExport(models.Model):
    """One JSON copy of a person's data, built by a task (D1, PIPL 45, GDPR 20).

    The file is kept in this row rather than on disk: the download is served
    from here to its owner only, and deleting the row (expiry after
    CONSENT_EXPORT_LIFETIME, or the account's erasure) deletes the copy in the same
    transaction, with no file left behind on any server.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Being prepared")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(_("export id"), primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="data_exports",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    # How many of the declared categories are collected so far, for the status page.
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)
    # The labels in the file are written in the language the person asked in.
    language = models.CharField(_("language"), max_length=16, default="en")
    content = models.TextField(_("JSON file"), blank=True, default="")

    class Meta:
        verbose_name = _("copy of personal data")
        verbose_name_plural = _("copies of personal data")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("consent:export_status", args=[self.pk])

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.content)

    @property
    def is_stalled(self) -> bool:
        """Still not ready long after it was asked for: its task was lost or keeps failing (D1, D5)."""
        from consent.app_settings import app_settings

        return self.status in (self.Status.PENDING, self.Status.RUNNING) and (
            self.created_at <= timezone.now() - app_settings.EXPORT_STALLED_AFTER
        )

    @property
    def is_in_progress(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING) and not self.is_stalled

    @property
    def has_failed(self) -> bool:
        """Failed, or stalled: the person is told so and can ask for a new one."""
        return self.status == self.Status.FAILED or self.is_stalled


class StaffAccessQuerySet(AppendOnlyQuerySet):
    def purge_older_than(self, cutoff) -> int:
        """The one way entries leave the log: whole, by age, by the retention job (E4)."""
        deleted, _ = models.QuerySet.delete(self.filter(created_at__lt=cutoff))
        return deleted


class StaffAccessLogEntry(AppendOnlyModel):
    """Staff opened a person's data in the admin: who, when, whose, which page (E3, PIPL 51).

    Append-only like the ledger (the admin is read-only and the ORM refuses
    changes); only the retention job removes entries, by age. Both people are
    named by their pseudonymous subject id, not a foreign key: the entry
    outlives either account and then matches nobody.
    """

    staff_subject_id = models.UUIDField(_("staff member (subject id)"), db_index=True)
    subject_id = models.UUIDField(_("whose data (subject id)"), db_index=True)
    page = models.CharField(_("page opened"), max_length=128)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    objects = StaffAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("staff access log entry")
        verbose_name_plural = _("staff access log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.page}"


class ConsentSubject(models.Model):
    """The pseudonymous subject id of an account whose user model has none of its own (E1, D4).

    Ledger records and the staff access log name people by a random UUID,
    never by a foreign key, so they outlive the account and then match nobody.
    A user model with a UUID attribute (CONSENT_SUBJECT_ID_ATTRIBUTE,
    `subject_id` by default) provides it; for any other user model, such as
    Django's own `auth.User`, the id is kept here, created at the first
    decision, and deleted with the account (cascade), which unlinks the records.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="consent_subject",
    )
    subject_id = models.UUIDField(
        _("pseudonymous subject id"), default=uuid.uuid4, unique=True, editable=False
    )

    class Meta:
        verbose_name = _("consent subject")
        verbose_name_plural = _("consent subjects")

    def __str__(self) -> str:
        return str(self.subject_id)
