"""PostgreSQL only: the trigger refuses UPDATE and DELETE, and concurrent appends keep one chain (E1).

Marked integration: run with DATABASE_URL=postgres://... and REDIS_URL set.
"""

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from consent import selectors, services
from consent.models import ConsentRecord
from onboarding.consent_purposes import PROFILING
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
    services.notices_publish_all()
    threads_count, decisions_each = 8, 5
    people = [LearnerFactory() for _ in range(threads_count)]
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
    sequences = list(ConsentRecord.objects.order_by("sequence").values_list("sequence", flat=True))
    assert sequences == list(range(1, threads_count * decisions_each + 1))
    assert ConsentRecord.objects.values("prev_hash").distinct().count() == len(sequences)
    result = selectors.ledger_verify()
    assert result.ok, result.problem
