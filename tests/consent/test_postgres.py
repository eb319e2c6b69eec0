"""PostgreSQL only: the triggers refuse UPDATE and DELETE, and concurrent appends never fork a chain (E1, E5).

Marked integration: run with DATABASE_URL=postgres://... and REDIS_URL set.
"""

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from consent import selectors, services
from consent.models import ConsentRecord
from onboarding.consent_purposes import PRODUCT_NEWS_SMS, PROFILING
from tests.factories import LearnerFactory

pytestmark = pytest.mark.integration


@pytest.mark.django_db
def test_the_trigger_refuses_a_raw_update(person):
    assert connection.vendor == "postgresql"
    record = ConsentRecord.objects.get()

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE consent_consentrecord SET decision = 'granted' WHERE id = %s", [record.id])

    assert ConsentRecord.objects.get().decision == "acknowledged"


@pytest.mark.django_db
def test_the_trigger_refuses_a_raw_delete(person):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM consent_consentrecord")

    assert ConsentRecord.objects.count() == 1


@pytest.mark.django_db
def test_the_trigger_protects_published_notices_too(published):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE consent_noticeversion SET text = 'edited'")


@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_keep_one_unbroken_chain():
    """Eight people deciding at once: each chain stays whole and nobody waits for anybody else (E1)."""
    services.notices_publish_all()
    threads_count, decisions_each = 8, 5
    people = [LearnerFactory() for _ in range(threads_count)]
    for person in people:
        services.policy_acknowledge(user=person, surface="test")  # grants come after the policy
    barrier = threading.Barrier(threads_count)
    errors: list[BaseException] = []

    def decide(person):
        try:
            barrier.wait(timeout=10)
            for index in range(decisions_each):
                decide_fn = services.consent_grant if index % 2 == 0 else services.consent_withdraw
                # Each decision in its own transaction, as a request would be.
                with transaction.atomic():
                    decide_fn(user=person, purpose=PROFILING, surface="test")
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    for person in people:
        sequences = list(
            ConsentRecord.objects.filter(subject_id=person.subject_id)
            .order_by("sequence")
            .values_list("sequence", flat=True)
        )
        assert sequences == list(range(1, decisions_each + 2))
    assert ConsentRecord.objects.values("prev_hash").distinct().count() == threads_count * (
        decisions_each + 1
    )
    result = selectors.ledger_verify()
    assert result.ok, result.problem


@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_by_one_person_never_fork_their_chain():
    """Two tabs of one person deciding at the same instant: the second waits for the first (E1)."""
    services.notices_publish_all()
    person = LearnerFactory()
    threads_count, decisions_each = 6, 4
    barrier = threading.Barrier(threads_count)
    errors: list[BaseException] = []

    def decide():
        try:
            barrier.wait(timeout=10)
            for _ in range(decisions_each):
                with transaction.atomic():
                    services.consent_decline(user=person, purpose=PROFILING, surface="test")
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    sequences = list(
        ConsentRecord.objects.filter(subject_id=person.subject_id).values_list("sequence", flat=True)
    )
    assert sorted(sequences) == list(range(1, threads_count * decisions_each + 1))
    result = selectors.ledger_verify()
    assert result.ok, result.problem


@pytest.mark.django_db
def test_the_trigger_refuses_changes_to_checkpoints(person):
    from consent import checkpoints

    checkpoints.checkpoint_create()
    for statement in (
        "UPDATE consent_ledgercheckpoint SET root = 'forged'",
        "DELETE FROM consent_ledgercheckpoint",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_run_once(monkeypatch):
    """Eight submits of the cancel form at once: one `withdrawn` per purpose, one erasure (D4)."""
    from django.contrib.auth import get_user_model

    from consent import tasks

    services.notices_publish_all()
    person = LearnerFactory()
    services.policy_acknowledge(user=person, surface="test")
    for purpose in (PROFILING, PRODUCT_NEWS_SMS):
        services.consent_grant(user=person, purpose=purpose, surface="test")
    queued: list[int] = []
    monkeypatch.setattr(tasks.account_erase_task, "delay", lambda user_id: queued.append(user_id))
    submits = 8
    barrier = threading.Barrier(submits)
    errors: list[BaseException] = []
    results: list[bool] = []

    def cancel():
        try:
            # Each submit loaded the signed-in account before the others committed.
            user = get_user_model().objects.get(pk=person.pk)
            barrier.wait(timeout=10)
            with transaction.atomic():
                results.append(services.account_cancel(user=user))
        except BaseException as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel) for _ in range(submits)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(results) == [False] * (submits - 1) + [True]
    withdrawn = ConsentRecord.objects.filter(subject_id=person.subject_id, decision="withdrawn")
    assert sorted(withdrawn.values_list("purpose", flat=True)) == sorted([PROFILING, PRODUCT_NEWS_SMS])
    assert queued == [person.pk]
