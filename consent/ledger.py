"""The consent ledger's chains: appending, the state at a moment, and verification (E1, E5).

Design: one hash chain per subject, not one for the whole site.

- An append locks only its own subject's chain: on PostgreSQL a
  transaction-level advisory lock keyed by the subject id
  (`pg_advisory_xact_lock`), then it reads that chain's head and inserts the
  next record. Decisions by different people never wait for each other, so
  appends scale with the number of app servers.
- The lock is held until the surrounding transaction ends. With
  `ATOMIC_REQUESTS` that is the end of the request, not of the insert; that
  is deliberate and harmless here: the only one who can wait is the same
  person deciding twice at the same instant (two tabs), and the second append
  must wait anyway, because the head it has to chain to is not visible to it
  until the first commits. Releasing earlier would let it read a stale head.
- The lock is an optimisation, not the guard: the unique (subject_id,
  sequence) constraint makes two records that chained to the same head
  impossible to store, so a race that got through is an error, never a fork.
  SQLite has one writer at a time and needs no lock.
- An append costs three statements (lock, read the head, insert) and no
  savepoint of its own: inside a request's transaction a failed append
  fails the request, which is what should happen.
- A chain's times never decrease (an append is never dated before the head it
  follows), so the state of every chain "as of" a moment can be recomputed
  from the records alone; signed checkpoints commit to that state
  (`consent.checkpoints`), which is how a truncated chain, a removed chain or
  a record inserted with a back date is detected.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from consent import verify_receipt as hashing
from consent.models import ConsentRecord, LedgerCheckpoint, NoticeVersion

# The first record of each chain links to a hash that only that subject has.
genesis_hash = hashing.genesis_hash


def _lock_key(subject_id) -> int:
    """A signed 64-bit advisory lock key for one subject (collisions only make two people wait)."""
    digest = hashlib.sha256(b"consent-ledger/lock\x00" + str(subject_id).encode("ascii")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def subject_chain_lock(subject_id) -> None:
    """Serialize appends to one subject's chain until the transaction ends (see the module doc)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(subject_id)])


# On PostgreSQL the head is read with plain SQL right after the lock: on a
# busy site the ORM's query building was a measurable share of each append.
_HEAD_SQL = (
    "SELECT sequence, record_hash, created_at FROM consent_consentrecord "
    "WHERE subject_id = %s ORDER BY sequence DESC LIMIT 1"
)


def _locked_head(subject_id) -> tuple[int, str, datetime] | None:
    """Lock the subject's chain, then read its head: (position, hash, time), or None for a new chain."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(subject_id)])
            cursor.execute(_HEAD_SQL, [subject_id])
            return cursor.fetchone()
    return (
        ConsentRecord.objects.filter(subject_id=subject_id)
        .order_by("-sequence")
        .values_list("sequence", "record_hash", "created_at")
        .first()
    )


def record_append(*, subject_id, **fields) -> ConsentRecord:
    """Append one record at the head of `subject_id`'s chain (E1).

    `fields` are the record's other columns (purpose, decision,
    notice_version, notice_sha256, language, surface, ip_truncated,
    user_agent); position, time and hashes are set here.
    """
    with transaction.atomic(savepoint=False):
        head = _locked_head(subject_id)
        now = timezone.now()
        record = ConsentRecord(
            subject_id=subject_id,
            sequence=head[0] + 1 if head else 1,
            prev_hash=head[1] if head else genesis_hash(subject_id),
            # Never before the record it follows, even if this server's clock is behind.
            created_at=max(now, head[2]) if head else now,
            **fields,
        )
        record.record_hash = record.compute_hash()
        record.save()
    return record


# --- The state of every chain at a moment -----------------------------------------------


@dataclass(frozen=True)
class ChainHead:
    subject_id: str
    length: int
    head: str

    def leaf_hash(self) -> bytes:
        return hashing.merkle_leaf_hash(
            hashing.leaf_bytes(subject_id=self.subject_id, length=self.length, head=self.head)
        )


@dataclass(frozen=True)
class LedgerState:
    """Every chain's head at `cutoff`, in subject order: what a checkpoint signs."""

    cutoff: datetime
    heads: list[ChainHead]

    @property
    def records(self) -> int:
        return sum(head.length for head in self.heads)

    def leaf_hashes(self) -> list[bytes]:
        return [head.leaf_hash() for head in self.heads]

    def root(self) -> str:
        return hashing.merkle_root(self.leaf_hashes()).hex()

    def index_of(self, subject_id) -> int | None:
        subjects = [head.subject_id for head in self.heads]
        index = bisect.bisect_left(subjects, str(subject_id))
        return index if index < len(subjects) and subjects[index] == str(subject_id) else None


def ledger_state(*, cutoff: datetime) -> LedgerState:
    """The head of each chain counting records made at or before `cutoff` (one query).

    A chain's length is its head's position: on an intact ledger that is the
    number of its records; verification also counts them.
    """
    rows = ConsentRecord.objects.filter(created_at__lte=cutoff)
    if connection.vendor == "postgresql":
        rows = rows.order_by("subject_id", "-sequence").distinct("subject_id")
        heads = [
            ChainHead(subject_id=str(subject), length=sequence, head=record_hash)
            for subject, sequence, record_hash in rows.values_list("subject_id", "sequence", "record_hash")
        ]
    else:
        latest: dict[str, ChainHead] = {}
        for subject, sequence, record_hash in rows.order_by("subject_id", "sequence").values_list(
            "subject_id", "sequence", "record_hash"
        ):
            latest[str(subject)] = ChainHead(subject_id=str(subject), length=sequence, head=record_hash)
        heads = list(latest.values())
    heads.sort(key=lambda head: head.subject_id)
    return LedgerState(cutoff=cutoff, heads=heads)


# --- Verification ---------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerProblem:
    record_id: str
    sequence: int | None
    reason: str


@dataclass
class LedgerVerification:
    records_checked: int = 0
    chains_checked: int = 0
    checkpoints_checked: int = 0
    problems: list[LedgerProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem(self) -> LedgerProblem | None:
        return self.problems[0] if self.problems else None


MAX_PROBLEMS_REPORTED = 100


class _StateAt:
    """Accumulates the chain heads at one cutoff while the chains are walked."""

    def __init__(self, cutoff: datetime) -> None:
        self.cutoff = cutoff
        self.heads: list[ChainHead] = []

    def add_chain(self, subject_id: str, records: list[tuple[datetime, str]]) -> None:
        covered = [record_hash for created_at, record_hash in records if created_at <= self.cutoff]
        if covered:
            self.heads.append(ChainHead(subject_id=subject_id, length=len(covered), head=covered[-1]))

    def state(self) -> LedgerState:
        return LedgerState(cutoff=self.cutoff, heads=sorted(self.heads, key=lambda head: head.subject_id))


def _notice_problems() -> Iterator[LedgerProblem]:
    # A record proves which text was shown only if that text is still the one hashed.
    for notice_version in NoticeVersion.objects.order_by("id").iterator():
        if not notice_version.text_is_intact():
            yield LedgerProblem(
                record_id=f"notice version {notice_version.pk}",
                sequence=None,
                reason="the notice text no longer matches its published SHA-256",
            )


def _chain_problems(chain: list[ConsentRecord], notice_hashes: dict[int, str]) -> Iterator[LedgerProblem]:
    expected_prev = genesis_hash(chain[0].subject_id)
    previous_time = None
    for position, record in enumerate(chain, start=1):
        where = {"record_id": str(record.id), "sequence": record.sequence}
        if record.sequence != position:
            yield LedgerProblem(
                **where,
                reason=f"expected position {position} in its chain: a record was removed, inserted or moved",
            )
        elif record.prev_hash != expected_prev:
            yield LedgerProblem(**where, reason="prev_hash does not match the record before it in its chain")
        elif record.compute_hash() != record.record_hash:
            yield LedgerProblem(**where, reason="record_hash does not match the record's contents (altered)")
        elif record.notice_sha256 != notice_hashes.get(record.notice_version_id):
            yield LedgerProblem(**where, reason="the notice hash differs from the published notice version")
        elif previous_time is not None and record.created_at < previous_time:
            yield LedgerProblem(**where, reason="dated before the record it follows (backdated)")
        # Carry on from what is stored, so one bad row is reported once.
        expected_prev = record.record_hash
        previous_time = record.created_at


def _walk_chains(states: list[_StateAt], result: LedgerVerification) -> Iterator[LedgerProblem]:
    notice_hashes = dict(NoticeVersion.objects.values_list("id", "sha256"))
    records = ConsentRecord.objects.order_by("subject_id", "sequence")
    chain: list[ConsentRecord] = []

    def finish(chain: list[ConsentRecord]) -> Iterator[LedgerProblem]:
        result.chains_checked += 1
        yield from _chain_problems(chain, notice_hashes)
        timeline = [(record.created_at, record.record_hash) for record in chain]
        for state in states:
            state.add_chain(str(chain[0].subject_id), timeline)

    for record in records.iterator(chunk_size=2000):
        result.records_checked += 1
        if chain and record.subject_id != chain[0].subject_id:
            yield from finish(chain)
            chain = []
        chain.append(record)
    if chain:
        yield from finish(chain)


def _state_matches(statement: dict, state: LedgerState, label: str) -> Iterator[LedgerProblem]:
    where = {"record_id": label, "sequence": None}
    if state.records != statement["records"]:
        yield LedgerProblem(
            **where,
            reason=(
                f"it covers {statement['records']} record(s) made until {statement['cutoff']}, "
                f"the ledger now holds {state.records}: records were removed or inserted"
            ),
        )
    if len(state.heads) != statement["chains"]:
        yield LedgerProblem(
            **where,
            reason=f"it covers {statement['chains']} chain(s), the ledger now holds {len(state.heads)}",
        )
    if state.root() != statement["root"]:
        yield LedgerProblem(
            **where,
            reason=(
                f"the chains no longer match its Merkle root: records made until {statement['cutoff']} "
                "were removed, inserted, reordered or edited"
            ),
        )


def ledger_verify(*, checkpoint_export: dict | None = None) -> LedgerVerification:
    """Recompute every chain, and check it against the latest checkpoint and an exported one (E1, E5).

    Reports removed, inserted, reordered and edited records; the newest
    records of a chain, or whole chains, removed before a checkpoint's cutoff
    change that checkpoint's root and are reported too.
    """
    from consent import checkpoints

    result = LedgerVerification()
    problems: list[LedgerProblem] = []
    problems.extend(_notice_problems())
    checkpoint_problems, latest = checkpoints.checkpoint_chain_problems(result)
    problems.extend(checkpoint_problems)
    file_statement = None
    if checkpoint_export is not None:
        file_problems, file_statement = checkpoints.exported_checkpoint_problems(checkpoint_export)
        problems.extend(file_problems)
    targets: list[tuple[str, dict, _StateAt]] = []
    if latest is not None:
        statement = latest.statement()
        targets.append((f"latest checkpoint {latest.number}", statement, _StateAt(latest.cutoff)))
    if file_statement is not None:
        cutoff = datetime.fromisoformat(file_statement["cutoff"])
        targets.append((f"exported checkpoint {file_statement['number']}", file_statement, _StateAt(cutoff)))
    for problem in _walk_chains([state for _, _, state in targets], result):
        if len(problems) < MAX_PROBLEMS_REPORTED:
            problems.append(problem)
    for label, statement, state in targets:
        problems.extend(_state_matches(statement, state.state(), label))
    result.problems = problems[:MAX_PROBLEMS_REPORTED]
    return result


# --- Receipts ----------------------------------------------------------------------------


def record_proof(*, record: ConsentRecord) -> dict:
    """What a person needs to check one record offline against the latest checkpoint (E5).

    Without a checkpoint covering the record yet, `checkpoint` is None and
    the receipt still proves the record's own hash; the next checkpoint
    covers it.
    """
    proof = {
        "format": hashing.RECEIPT_FORMAT,
        "record": record.canonical_fields(),
        "prevHash": record.prev_hash,
        "recordHash": record.record_hash,
        "chainPosition": record.sequence,
        "checkpoint": None,
    }
    checkpoint = LedgerCheckpoint.objects.order_by("-number").first()
    if checkpoint is None or record.created_at > checkpoint.cutoff:
        return proof
    state = ledger_state(cutoff=checkpoint.cutoff)
    index = state.index_of(record.subject_id)
    if index is None:
        return proof
    head = state.heads[index]
    later = ConsentRecord.objects.filter(
        subject_id=record.subject_id, sequence__gt=record.sequence, sequence__lte=head.length
    ).order_by("sequence")
    proof.update(
        chainProof=[later_record.content_hash() for later_record in later],
        leafIndex=index,
        inclusionProof=[node.hex() for node in hashing.merkle_inclusion_proof(state.leaf_hashes(), index)],
        checkpoint=checkpoint.export(),
    )
    return proof
