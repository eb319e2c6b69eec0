"""PostgreSQL only: a ledger written as one site-wide chain migrates to per-subject chains (E1, E5).

The database is taken back to the schema before per-subject chains,
old-style records are written with the old hashing, and the migrations run
forward: every record keeps what it says, and verification passes.
"""

import importlib
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from consent import checkpoints, ledger
from consent.models import ConsentRecord
from consent.notices import text_sha256

pytestmark = pytest.mark.integration

BEFORE = [("consent", "0004_staff_access_log_no_update_trigger")]
rechain = importlib.import_module("consent.migrations.0006_rechain_per_subject")


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _write_old_ledger(*, subjects: int, decisions: int, break_at: int | None = None) -> list[dict]:
    """Records as the site-wide chain stored them: one global position, one chain for everybody."""
    old_apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    notice = old_apps.get_model("consent", "NoticeVersion").objects.create(
        kind="purpose",
        purpose="profiling",
        version="1.0",
        language="en",
        effective_date=timezone.now().date(),
        text="The profiling notice.",
        sha256=text_sha256("The profiling notice."),
        published_at=timezone.now(),
    )
    OldRecord = old_apps.get_model("consent", "ConsentRecord")
    people = [uuid.uuid4() for _ in range(subjects)]
    start = timezone.now() - timedelta(days=1)
    prev_hash, written = rechain.LEGACY_GENESIS, []
    for position in range(1, subjects * decisions + 1):
        record = OldRecord(
            id=uuid.uuid4(),
            sequence=position,
            subject_id=people[position % subjects],  # interleaved, as real traffic is
            purpose="profiling",
            decision="granted" if position % 2 else "withdrawn",
            notice_version=notice,
            notice_sha256=notice.sha256,
            language="en",
            surface="consent_screen",
            created_at=start + timedelta(seconds=position),
            ip_truncated="203.0.113.0/24",
            user_agent="Mozilla/5.0",
            prev_hash=prev_hash,
        )
        record.record_hash = rechain.legacy_hash(record, sequence=position, prev_hash=prev_hash)
        if position == break_at:
            record.decision = "declined"  # edited after hashing: the old chain no longer verifies
        record.save(force_insert=True)
        written.append({"id": record.id, "subject_id": record.subject_id, "decision": record.decision})
        prev_hash = record.record_hash
    return written


@pytest.mark.django_db(transaction=True)
def test_a_site_wide_chain_migrates_to_per_subject_chains_that_verify():
    _migrate(BEFORE)
    try:
        written = _write_old_ledger(subjects=3, decisions=4)
    finally:
        _migrate(_latest())

    records = list(ConsentRecord.objects.order_by("subject_id", "sequence"))
    assert sorted((r.id, r.subject_id, r.decision) for r in records) == sorted(
        (w["id"], w["subject_id"], w["decision"]) for w in written
    )
    for subject in {w["subject_id"] for w in written}:
        chain = [r for r in records if r.subject_id == subject]
        assert [r.sequence for r in chain] == [1, 2, 3, 4]
        assert chain[0].prev_hash == ledger.genesis_hash(subject)
        # Each person's records keep their old order.
        assert [r.created_at for r in chain] == sorted(r.created_at for r in chain)
    result = ledger.ledger_verify()
    assert result.ok, result.problems
    checkpoints.checkpoint_create()
    assert ledger.ledger_verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_tampered_site_wide_chain_stops_the_migration():
    _migrate(BEFORE)
    try:
        _write_old_ledger(subjects=2, decisions=2, break_at=3)
        with pytest.raises(rechain.LegacyLedgerBroken, match="does not verify"):
            _migrate(_latest())
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("DELETE FROM consent_consentrecord")
            cursor.execute("SET session_replication_role = DEFAULT")
        _migrate(_latest())
