"""Signed checkpoints of the consent ledger: the signing key, making one, checking them (E5).

A checkpoint commits to the head of every subject's chain at a cutoff
(`consent.ledger.ledger_state`) and is signed with Ed25519. The database keeps
them in an append-only table, but their point is the copy kept elsewhere:
whoever can rewrite the database could also remove its checkpoints, not the
exported JSON an operator stored on other media or sent to an auditor.

Settings (all read when used, never at import):

- `CONSENT_CHECKPOINT_SIGNING_KEY`: the Ed25519 private key, as 64 hex digits
  (the raw 32-byte key) or PEM. Keep it in the environment or a secret store,
  never in the repository. Required outside DEBUG (system check consent.E010).
- `CONSENT_CHECKPOINT_SIGNING_KEY_FILE`: a file holding the key, used when the
  setting above is empty; in DEBUG a missing file is generated (development).
- `CONSENT_CHECKPOINT_TRUSTED_PUBLIC_KEYS`: public keys (hex) of earlier
  signing keys, after a rotation, whose checkpoints still count.
- `CONSENT_CHECKPOINT_SETTLE_SECONDS` (default 120): a checkpoint covers the
  records made until this long ago, so that no request still in flight can
  commit a record dated before the cutoff after it was signed.
"""

from __future__ import annotations

import contextlib
import logging
import os
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from consent import ledger
from consent import verify_receipt as hashing
from consent.models import LedgerCheckpoint

logger = logging.getLogger(__name__)

GENESIS_CHECKPOINT = "0" * 64
CHECKPOINT_LOCK_KEY = 0x4C52_4350_4F49_4E54  # any fixed 64-bit number, for pg_advisory_xact_lock
DEFAULT_SETTLE_SECONDS = 120


class SigningKeyMissing(Exception):
    """No usable checkpoint signing key is configured (E5)."""


def _load_private_key(text: str):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningKeyMissing("the checkpoint signing key must be an Ed25519 key")
        return key
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise SigningKeyMissing(
            "the checkpoint signing key must be 64 hex digits (32 bytes) or a PEM Ed25519 key"
        )
    return Ed25519PrivateKey.from_private_bytes(raw)


def _generate_development_key(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(os.urandom(32).hex() + "\n")
    logger.warning(
        "Generated a development signing key for consent ledger checkpoints at %s. "
        "In production set CONSENT_CHECKPOINT_SIGNING_KEY instead.",
        path,
    )


def signing_key():
    """The configured Ed25519 private key; raises SigningKeyMissing if there is none."""
    text = getattr(settings, "CONSENT_CHECKPOINT_SIGNING_KEY", "") or ""
    if not text:
        path = getattr(settings, "CONSENT_CHECKPOINT_SIGNING_KEY_FILE", None)
        if not path:
            raise SigningKeyMissing("set CONSENT_CHECKPOINT_SIGNING_KEY (64 hex digits or a PEM Ed25519 key)")
        path = Path(path)
        if not path.exists() and settings.DEBUG:
            with contextlib.suppress(FileExistsError):  # another process generated it first
                _generate_development_key(path)
        try:
            text = path.read_text()
        except OSError as error:
            raise SigningKeyMissing(f"cannot read the checkpoint signing key file {path}: {error}") from error
    return _load_private_key(text)


def public_key_hex(private_key) -> str:
    from cryptography.hazmat.primitives import serialization

    return (
        private_key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        .hex()
    )


def trusted_fingerprints() -> set[str]:
    """Fingerprints of the current key and of earlier keys still trusted; empty if no key is set."""
    trusted = {
        hashing.key_fingerprint(key)
        for key in getattr(settings, "CONSENT_CHECKPOINT_TRUSTED_PUBLIC_KEYS", [])
    }
    with contextlib.suppress(SigningKeyMissing):
        trusted.add(hashing.key_fingerprint(public_key_hex(signing_key())))
    return trusted


def settle_delay() -> timedelta:
    return timedelta(seconds=getattr(settings, "CONSENT_CHECKPOINT_SETTLE_SECONDS", DEFAULT_SETTLE_SECONDS))


# --- Making one ---------------------------------------------------------------------------


def checkpoint_create(*, now: datetime | None = None) -> LedgerCheckpoint:
    """Sign the state of every chain as of a moment ago and append it (E5).

    Checkpoints are made one at a time (a short global lock: a scheduled job,
    not a request); the ledger's appends are not blocked while it runs.
    """
    key = signing_key()
    public_key = public_key_hex(key)
    now = now or timezone.now()
    cutoff = now - settle_delay()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHECKPOINT_LOCK_KEY])
        previous = LedgerCheckpoint.objects.order_by("-number").first()
        if previous is not None and previous.cutoff > cutoff:
            cutoff = previous.cutoff  # never step back in time
        state = ledger.ledger_state(cutoff=cutoff)
        checkpoint = LedgerCheckpoint(
            number=previous.number + 1 if previous else 1,
            cutoff=cutoff,
            created_at=now,
            chains=len(state.heads),
            records=state.records,
            root=state.root(),
            previous=previous.statement_hash() if previous else GENESIS_CHECKPOINT,
            key_fingerprint=hashing.key_fingerprint(public_key),
            public_key=public_key,
        )
        checkpoint.signature = key.sign(hashing.canonical_json(checkpoint.statement())).hex()
        checkpoint.save()
    return checkpoint


def checkpoint_latest() -> LedgerCheckpoint | None:
    return LedgerCheckpoint.objects.order_by("-number").first()


def checkpoint_get(*, number: int) -> LedgerCheckpoint | None:
    return LedgerCheckpoint.objects.filter(number=number).first()


# --- Checking them --------------------------------------------------------------------------


def _signature_problem(*, statement: dict, signature: str, public_key: str, label: str, trusted: set[str]):
    where = {"record_id": label, "sequence": None}
    try:
        fingerprint = hashing.key_fingerprint(public_key)
    except ValueError:
        return ledger.LedgerProblem(**where, reason="its public key is not a hex Ed25519 key")
    if fingerprint != statement.get("key_fingerprint"):
        return ledger.LedgerProblem(**where, reason="its public key does not have the fingerprint it names")
    if trusted and statement["key_fingerprint"] not in trusted:
        return ledger.LedgerProblem(**where, reason="it is signed by a key this site does not trust")
    if not hashing.signature_is_valid(
        statement=statement, signature_hex=signature, public_key_hex=public_key
    ):
        return ledger.LedgerProblem(**where, reason="its signature is not valid (the checkpoint was altered)")
    return None


def checkpoint_chain_problems(result) -> tuple[list, LedgerCheckpoint | None]:
    """Every stored checkpoint: numbered 1, 2, 3 ..., each linked to the one before, each signed."""
    problems = []
    trusted = trusted_fingerprints()
    previous_hash = GENESIS_CHECKPOINT
    latest = None
    for expected, checkpoint in enumerate(LedgerCheckpoint.objects.order_by("number").iterator(), start=1):
        result.checkpoints_checked += 1
        label = f"checkpoint {checkpoint.number}"
        if checkpoint.number != expected:
            problems.append(
                ledger.LedgerProblem(label, None, f"expected checkpoint {expected}: one was removed")
            )
        elif checkpoint.previous != previous_hash:
            problems.append(ledger.LedgerProblem(label, None, "it does not link to the checkpoint before it"))
        problem = _signature_problem(
            statement=checkpoint.statement(),
            signature=checkpoint.signature,
            public_key=checkpoint.public_key,
            label=label,
            trusted=trusted,
        )
        if problem is not None:
            problems.append(problem)
        previous_hash = checkpoint.statement_hash()
        latest = checkpoint
    return problems, latest


REQUIRED_STATEMENT_KEYS = {
    "format",
    "number",
    "cutoff",
    "created_at",
    "chains",
    "records",
    "root",
    "previous",
}


def exported_checkpoint_problems(export: dict) -> tuple[list, dict | None]:
    """An exported checkpoint file: signed by a trusted key, and the same as the stored one."""
    label = "exported checkpoint"
    statement = export.get("statement") if isinstance(export, dict) else None
    if not isinstance(statement, dict) or not statement.keys() >= REQUIRED_STATEMENT_KEYS:
        return [ledger.LedgerProblem(label, None, "the file is not an exported checkpoint")], None
    if statement["format"] != hashing.CHECKPOINT_FORMAT:
        return [ledger.LedgerProblem(label, None, f"unknown format {statement['format']!r}")], None
    label = f"exported checkpoint {statement['number']}"
    problem = _signature_problem(
        statement=statement,
        signature=str(export.get("signature", "")),
        public_key=str(export.get("publicKey", "")),
        label=label,
        trusted=trusted_fingerprints(),
    )
    if problem is not None:
        return [problem], None
    problems = []
    stored = checkpoint_get(number=statement["number"])
    if stored is None:
        problems.append(ledger.LedgerProblem(label, None, "the database no longer holds this checkpoint"))
    elif stored.statement() != statement:
        problems.append(ledger.LedgerProblem(label, None, "the database's copy of this checkpoint differs"))
    return problems, statement
