"""`publish_notices` and `verify_consent_ledger` (REQUIREMENTS A6, E1).

Tampering is simulated with raw SQL, as someone at the database prompt would
do it. On PostgreSQL the append-only trigger refuses that UPDATE (see
test_postgres.py), so these tests first switch triggers off for the test's
own transaction, as only a database superuser can; it is rolled back with
the test. On SQLite there is no trigger and the raw SQL goes straight through.
"""

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.db import connection

from consent import services
from consent.models import ConsentRecord, NoticeVersion
from onboarding.consent_purposes import PROFILING

pytestmark = pytest.mark.django_db


def _raw_sql(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # What a database superuser could do: switch user triggers off for
            # this transaction only (rolled back with the test).
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def _db_id(record) -> object:
    return ConsentRecord._meta.pk.get_db_prep_value(record.id, connection)


@pytest.fixture
def ledger(person):
    """Four records: acknowledged, granted, withdrawn, granted."""
    for decide in (services.consent_grant, services.consent_withdraw, services.consent_grant):
        decide(user=person, purpose=PROFILING, surface="test")
    return list(ConsentRecord.objects.order_by("sequence"))


def test_an_intact_ledger_verifies(ledger, capsys):
    call_command("verify_consent_ledger")

    assert "4 record(s) in 1 chain(s) verified" in capsys.readouterr().out


def test_a_row_altered_by_raw_sql_is_named(ledger):
    target = ledger[2]
    _raw_sql("UPDATE consent_consentrecord SET decision = %s WHERE id = %s", ["granted", _db_id(target)])

    with pytest.raises(CommandError, match=str(target.id)) as error:
        call_command("verify_consent_ledger")
    assert "altered" in str(error.value)


def test_a_row_removed_by_raw_sql_is_found_at_the_next_record(ledger):
    removed, following = ledger[1], ledger[2]
    _raw_sql("DELETE FROM consent_consentrecord WHERE id = %s", [_db_id(removed)])

    with pytest.raises(CommandError, match=str(following.id)):
        call_command("verify_consent_ledger")


def test_an_altered_notice_text_is_found(ledger):
    notice_version = NoticeVersion.objects.filter(purpose=PROFILING).first()
    _raw_sql(
        "UPDATE consent_noticeversion SET text = %s WHERE id = %s", ["A different text", notice_version.pk]
    )

    with pytest.raises(CommandError, match=f"notice version {notice_version.pk}"):
        call_command("verify_consent_ledger")


def test_the_command_exits_non_zero_when_broken(ledger):
    target = ledger[0]
    _raw_sql("UPDATE consent_consentrecord SET surface = %s WHERE id = %s", ["admin", _db_id(target)])

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "verify_consent_ledger"]).execute()
    assert exit_info.value.code != 0


def test_publish_notices_is_idempotent(db, capsys):
    call_command("publish_notices")
    first = NoticeVersion.objects.count()
    call_command("publish_notices")

    assert NoticeVersion.objects.count() == first == 6
    assert "0 new notice version(s) published" in capsys.readouterr().out


def test_publish_notices_refuses_an_unannounced_change(published, monkeypatch):
    from consent import notices

    monkeypatch.setattr(notices.Notice, "render", lambda self, language: "Edited in place")

    with pytest.raises(CommandError, match="raise the version"):
        call_command("publish_notices")


def test_setup_demo_publishes_the_notices():
    from onboarding.management.commands.setup_demo import Command

    assert "publish_notices" in Command.demo_steps()


def test_setup_demo_signs_a_first_checkpoint_saying_which_key(published, settings, tmp_path, capsys):
    from onboarding.management.commands.setup_demo import Command

    settings.DEBUG = True
    settings.CONSENT_CHECKPOINT_SIGNING_KEY = ""
    settings.CONSENT_CHECKPOINT_SIGNING_KEY_FILE = tmp_path / "var" / "consent-checkpoint-signing-key"
    assert "create_consent_checkpoint" in Command.demo_steps()

    call_command("create_consent_checkpoint")

    out = capsys.readouterr().out
    assert f"development key in {settings.CONSENT_CHECKPOINT_SIGNING_KEY_FILE}" in out
    assert "Checkpoint 1:" in out
    assert settings.CONSENT_CHECKPOINT_SIGNING_KEY_FILE.exists()
