"""Tampering with the consent ledger is detected: every hashed field, every check, checkpoints (E1, E5).

Tampering is simulated with raw SQL, as a database superuser would do it (on
PostgreSQL with the append-only triggers switched off for the test's own
transaction, rolled back with the test). Each test names the check it proves:
with that check removed, the tampering would pass verification.
"""

import json
import uuid
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from consent import checkpoints, ledger, services
from consent.models import ConsentRecord, LedgerCheckpoint, NoticeVersion
from consent.notices import text_sha256
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING
from tests.factories import LearnerFactory

pytestmark = pytest.mark.django_db


def _raw_sql(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def _db(model, name: str, value):
    return model._meta.get_field(name).get_db_prep_value(value, connection, prepared=False)


def _raw_update(record: ConsentRecord, **columns) -> None:
    """UPDATE one ledger row by raw SQL; `columns` are model field names (attnames for FKs)."""
    assignments, params = [], []
    for name, value in columns.items():
        field = ConsentRecord._meta.get_field(
            name.removesuffix("_id") if name == "notice_version_id" else name
        )
        assignments.append(f"{field.column} = %s")
        params.append(field.get_db_prep_value(value, connection, prepared=False))
    params.append(_db(ConsentRecord, "id", record.id))
    # Column names come from the model, values are parameters.
    _raw_sql(f"UPDATE consent_consentrecord SET {', '.join(assignments)} WHERE id = %s", params)  # noqa: S608


def _forge(record: ConsentRecord, **changes) -> ConsentRecord:
    """What a forger who knows the hashing does: change fields and recompute record_hash."""
    forged = ConsentRecord(
        **{f.attname: getattr(record, f.attname) for f in ConsentRecord._meta.concrete_fields}
    )
    for name, value in changes.items():
        setattr(forged, name, value)
    forged.record_hash = forged.compute_hash()
    columns = {**changes, "record_hash": forged.record_hash}
    _raw_update(record, **columns)
    return forged


def _verify(**kwargs) -> ledger.LedgerVerification:
    return ledger.ledger_verify(**kwargs)


def _decide(person, decisions=("grant", "withdraw")):
    for name in decisions:
        getattr(services, f"consent_{name}")(user=person, purpose=PROFILING, surface="test")


@pytest.fixture
def chains(person):
    """Two people: one with three records (acknowledged, granted, withdrawn), one with one."""
    _decide(person)
    other = LearnerFactory()
    services.policy_acknowledge(user=other, surface="test")
    first = list(ConsentRecord.objects.filter(subject_id=person.subject_id).order_by("sequence"))
    second = list(ConsentRecord.objects.filter(subject_id=other.subject_id).order_by("sequence"))
    assert _verify().ok
    return first, second


# --- Every field in the hashed payload -------------------------------------------------


def _later(record):
    return record.created_at + timedelta(seconds=1)


# One raw-SQL change per hashed field, chosen so that, where possible, only
# the record's own hash can notice it (no position, link or notice check).
MUTATIONS = {
    "id": lambda record: {"id": uuid.uuid4()},
    "sequence": lambda record: {"sequence": record.sequence + 10},
    "subject_id": None,  # in the test: the one-record chain moved to a fresh subject
    "purpose": lambda record: {"purpose": PRODUCT_NEWS_SMS},
    "decision": lambda record: {"decision": "declined"},
    "notice_version_id": None,  # in the test: another published version with the very same text
    "notice_sha256": lambda record: {"notice_sha256": "f" * 64},
    "language": lambda record: {"language": "zh-hans" if record.language != "zh-hans" else "en"},
    "surface": lambda record: {"surface": "admin"},
    "created_at": lambda record: {"created_at": _later(record)},
    "ip_truncated": lambda record: {"ip_truncated": "198.51.100.0/24"},
    "user_agent": lambda record: {"user_agent": "curl/8.0"},
}


def test_every_hashed_field_has_a_tamper_test():
    """A field added to the payload without a mutation here fails this test."""
    sample = ConsentRecord(id=uuid.uuid4(), sequence=1, subject_id=uuid.uuid4(), created_at=timezone.now())
    assert set(MUTATIONS) == set(sample.canonical_fields())


@pytest.mark.parametrize("field", sorted(MUTATIONS))
def test_changing_a_hashed_column_by_raw_sql_fails_verification(chains, field):
    first, second = chains
    # The newest record of the long chain, so no later record's link is disturbed.
    target = first[-1]
    if field == "subject_id":
        target = second[0]
        columns = {"subject_id": uuid.uuid4()}
    elif field == "notice_version_id":
        twin = NoticeVersion.objects.get(pk=target.notice_version_id)
        twin_id = NoticeVersion.objects.order_by("-id").first().pk + 100
        _raw_sql(
            "INSERT INTO consent_noticeversion (id, kind, purpose, version, material_version, language, "
            "effective_date, text, sha256, published_at) SELECT %s, kind, purpose, %s, material_version, "
            "language, effective_date, text, sha256, published_at FROM consent_noticeversion WHERE id = %s",
            [twin_id, twin.version + "-copy", twin.pk],
        )
        columns = {"notice_version_id": twin_id}
    else:
        columns = MUTATIONS[field](target)

    _raw_update(target, **columns)
    stored = ConsentRecord.objects.get(pk=columns.get("id", target.id))
    result = _verify()

    # The field is covered by the record's own hash, and verification names the record.
    assert stored.compute_hash() != stored.record_hash
    assert not result.ok
    assert str(stored.id) in {problem.record_id for problem in result.problems}


def test_a_chain_rewritten_after_a_checkpoint_is_found_by_its_root(chains):
    """A forger edits a record and re-hashes every later one: same counts, only the root differs."""
    first, _ = chains
    checkpoints.checkpoint_create()
    forged = _forge(first[1], decision="declined")
    _forge(first[2], prev_hash=forged.record_hash)

    result = _verify()

    assert not result.ok
    assert [problem.record_id for problem in result.problems] == ["latest checkpoint 1"]
    assert "Merkle root" in result.problem.reason


def test_a_forger_who_recomputes_the_record_hash_breaks_the_next_link(chains):
    """Guarded by the prev_hash check: the edited record's own hash is consistent again."""
    first, _ = chains
    _forge(first[1], decision="declined")

    result = _verify()

    assert not result.ok
    assert result.problem.record_id == str(first[2].id)
    assert "prev_hash" in result.problem.reason


def test_notice_text_and_its_hash_replaced_together_are_found(chains):
    """Guarded by comparing each record's notice hash with the published notice version."""
    first, _ = chains
    forged_text = "We may share your answers with partners."
    _raw_sql(
        "UPDATE consent_noticeversion SET text = %s, sha256 = %s WHERE id = %s",
        [forged_text, text_sha256(forged_text), first[1].notice_version_id],
    )

    result = _verify()

    assert not result.ok
    assert result.problem.record_id == str(first[1].id)
    assert "notice hash differs" in result.problem.reason


def test_a_record_moved_to_another_subject_is_found_by_the_checkpoint(chains):
    """A forger who moves a record and re-chains it perfectly still changes two chain heads."""
    first, second = chains
    checkpoints.checkpoint_create()
    moved = second[0]
    head = first[-1]
    # The other person's only record, re-hashed as the newest record of the first chain.
    _raw_sql("DELETE FROM consent_consentrecord WHERE id = %s", [_db(ConsentRecord, "id", moved.id)])
    row = ConsentRecord(
        **{f.attname: getattr(moved, f.attname) for f in ConsentRecord._meta.concrete_fields},
    )
    row.subject_id, row.sequence, row.prev_hash = head.subject_id, head.sequence + 1, head.record_hash
    row.created_at = max(row.created_at, head.created_at)
    row.record_hash = row.compute_hash()
    _insert(row)

    result = _verify()

    assert not result.ok
    # Each chain on its own is consistent again; only the checkpoint disagrees.
    assert {problem.record_id for problem in result.problems} == {"latest checkpoint 1"}


def _insert(record: ConsentRecord) -> None:
    fields = ConsentRecord._meta.concrete_fields
    columns = ", ".join(field.column for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    params = [
        field.get_db_prep_value(getattr(record, field.attname), connection, prepared=False)
        for field in fields
    ]
    _raw_sql(f"INSERT INTO consent_consentrecord ({columns}) VALUES ({placeholders})", params)  # noqa: S608


def test_a_record_backdated_before_the_one_it_follows_is_found(chains):
    """Guarded by the rule that a chain's times never go back."""
    first, _ = chains
    _forge(first[-1], created_at=first[-2].created_at - timedelta(days=30))

    result = _verify()

    assert not result.ok
    assert result.problem.record_id == str(first[-1].id)
    assert "backdated" in result.problem.reason


def test_a_record_inserted_with_a_date_before_a_checkpoint_is_found(chains):
    """A correctly chained new record, dated before the last checkpoint: only the checkpoint sees it."""
    first, _ = chains
    checkpoint = checkpoints.checkpoint_create()
    head = first[-1]
    row = ConsentRecord(
        id=uuid.uuid4(),
        sequence=head.sequence + 1,
        subject_id=head.subject_id,
        purpose=head.purpose,
        decision="granted",
        notice_version_id=head.notice_version_id,
        notice_sha256=head.notice_sha256,
        language=head.language,
        surface="test",
        created_at=head.created_at + (checkpoint.cutoff - head.created_at) / 2,
        prev_hash=head.record_hash,
    )
    row.record_hash = row.compute_hash()
    _insert(row)

    result = _verify()

    assert not result.ok
    assert [problem.record_id for problem in result.problems] == ["latest checkpoint 1"] * len(
        result.problems
    )
    assert "removed or inserted" in result.problem.reason


def test_the_newest_records_deleted_after_a_checkpoint_are_found(chains):
    """Truncation: the remaining chain is a valid prefix, so only the checkpoint notices."""
    first, _ = chains
    checkpoints.checkpoint_create()
    _raw_sql("DELETE FROM consent_consentrecord WHERE id = %s", [_db(ConsentRecord, "id", first[-1].id)])

    result = _verify()

    assert not result.ok
    assert result.problem.record_id == "latest checkpoint 1"
    assert "covers 4 record(s)" in result.problem.reason
    assert "now holds 3" in result.problem.reason


def test_a_whole_chain_deleted_after_a_checkpoint_is_found(chains):
    _, second = chains
    checkpoints.checkpoint_create()
    _raw_sql(
        "DELETE FROM consent_consentrecord WHERE subject_id = %s",
        [_db(ConsentRecord, "subject_id", second[0].subject_id)],
    )

    result = _verify()

    assert not result.ok
    assert any("chain(s)" in problem.reason for problem in result.problems)


def test_records_made_after_the_checkpoint_are_not_problems(chains, person):
    checkpoints.checkpoint_create()
    _decide(person, decisions=("grant",))

    assert _verify().ok


# --- Checkpoints themselves -----------------------------------------------------------------


def test_a_checkpoint_commits_to_every_chain_and_is_signed(chains):
    checkpoint = checkpoints.checkpoint_create()

    assert (checkpoint.number, checkpoint.chains, checkpoint.records) == (1, 2, 4)
    assert checkpoint.root == ledger.ledger_state(cutoff=checkpoint.cutoff).root()
    assert checkpoint.previous == checkpoints.GENESIS_CHECKPOINT
    export = checkpoint.export()
    assert checkpoints.hashing.signature_is_valid(
        statement=export["statement"], signature_hex=export["signature"], public_key_hex=export["publicKey"]
    )
    second = checkpoints.checkpoint_create()
    assert second.previous == checkpoint.statement_hash()


def test_an_edited_checkpoint_row_fails_its_signature(chains):
    checkpoint = checkpoints.checkpoint_create()
    _raw_sql("UPDATE consent_ledgercheckpoint SET records = %s WHERE id = %s", [3, checkpoint.pk])

    result = _verify()

    assert any("signature is not valid" in problem.reason for problem in result.problems)


def test_a_checkpoint_removed_from_the_middle_is_found(chains):
    first = checkpoints.checkpoint_create()
    checkpoints.checkpoint_create()
    _raw_sql("DELETE FROM consent_ledgercheckpoint WHERE id = %s", [first.pk])

    result = _verify()

    assert any("one was removed" in problem.reason for problem in result.problems)


def test_a_checkpoint_signed_with_another_key_is_not_trusted(chains, settings):
    checkpoints.checkpoint_create()
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = "11" * 32  # the forger's key; the site's key is not this

    result = _verify()

    assert any("key this site does not trust" in problem.reason for problem in result.problems)


def test_an_earlier_key_listed_as_trusted_still_verifies(chains, settings):
    old = checkpoints.checkpoint_create()
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = "11" * 32
    settings.CONSENT_CHECKPOINT_TRUSTED_PUBLIC_KEYS = [old.public_key]

    assert _verify().ok


# --- The exported checkpoint file -------------------------------------------------------------


@pytest.fixture
def exported(chains, tmp_path):
    checkpoints.checkpoint_create()
    path = tmp_path / "checkpoint.json"
    call_command("export_consent_checkpoint", output=str(path))
    return path


def test_verification_against_an_exported_checkpoint_passes_when_intact(exported, capsys):
    call_command("verify_consent_ledger", checkpoint=str(exported))

    assert "and the exported checkpoint" in capsys.readouterr().out


def test_truncation_with_the_checkpoints_removed_is_caught_by_the_exported_file(chains, exported):
    """The forger deletes the newest record and every checkpoint row; the operator's file remains."""
    first, _ = chains
    _raw_sql("DELETE FROM consent_consentrecord WHERE id = %s", [_db(ConsentRecord, "id", first[-1].id)])
    _raw_sql("DELETE FROM consent_ledgercheckpoint", [])
    assert _verify().ok  # the database alone no longer shows it

    with pytest.raises(CommandError, match="exported checkpoint 1"):
        call_command("verify_consent_ledger", checkpoint=str(exported))
    reasons = [
        problem.reason for problem in _verify(checkpoint_export=json.loads(exported.read_text())).problems
    ]
    assert "the database no longer holds this checkpoint" in reasons
    assert any("removed or inserted" in reason for reason in reasons)


def test_an_edited_export_file_is_refused(exported):
    export = json.loads(exported.read_text())
    export["statement"]["records"] += 1

    result = _verify(checkpoint_export=export)

    assert "signature is not valid" in result.problem.reason


def test_a_file_that_is_not_a_checkpoint_is_a_clear_error(chains, tmp_path):
    path = tmp_path / "nonsense.json"
    path.write_text("[1, 2]")

    with pytest.raises(CommandError, match="not an exported checkpoint"):
        call_command("verify_consent_ledger", checkpoint=str(path))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("verify_consent_ledger", checkpoint=str(tmp_path / "missing.json"))


# --- Commands, task, key -------------------------------------------------------------------------


def test_the_checkpoint_command_and_task_append_one_each(chains, capsys):
    from consent.tasks import ledger_checkpoint_task

    call_command("create_consent_checkpoint")
    assert "Checkpoint 1: 4 record(s) in 2 chain(s)" in capsys.readouterr().out
    assert ledger_checkpoint_task.delay().get() == 2
    assert LedgerCheckpoint.objects.count() == 2


def test_the_checkpoint_command_without_a_key_says_so(chains, settings):
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = ""
    settings.CONSENT_CHECKPOINT_SIGNING_KEY_FILE = None

    with pytest.raises(CommandError, match="CONSENT_CHECKPOINT_SIGNING_KEY"):
        call_command("create_consent_checkpoint")


def test_in_debug_a_development_key_is_generated_once(chains, settings, tmp_path):
    settings.DEBUG = True
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = ""
    settings.CONSENT_CHECKPOINT_SIGNING_KEY_FILE = tmp_path / "var" / "key"

    first = checkpoints.checkpoint_create()
    second = checkpoints.checkpoint_create()

    assert (tmp_path / "var" / "key").stat().st_mode & 0o077 == 0
    assert first.key_fingerprint == second.key_fingerprint


def test_outside_debug_a_missing_key_stops_the_system_check(settings):
    from consent.checks import checkpoint_signing_key_check

    settings.DEBUG = False
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = ""
    settings.CONSENT_CHECKPOINT_SIGNING_KEY_FILE = None
    assert [message.id for message in checkpoint_signing_key_check()] == ["consent.E010"]
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = "not a key"
    assert [message.id for message in checkpoint_signing_key_check()] == ["consent.E010"]
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = "22" * 32
    assert checkpoint_signing_key_check() == []
