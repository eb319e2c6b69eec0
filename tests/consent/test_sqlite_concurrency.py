"""SQLite, the development default, under concurrent decisions: waits, never a 500 (F1, F3).

Run in a separate process against a file-backed database, as `make run`
uses: the test database of the suite lives in memory and behaves differently.
"""

import json
import os
import subprocess
import sys
import textwrap

from tests.config.test_settings import ROOT

SCRIPT = textwrap.dedent(
    """
    import json, threading
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from consent import selectors, services
    from onboarding.models import User

    services.notices_publish_all()
    notice = selectors.purpose_notice_current(purpose="profiling")
    clients = []
    for n in range(12):
        user = User.objects.create_user(phone=f"+86139{n:08d}")
        services.policy_acknowledge(user=user, surface="test")
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    connection.close()
    barrier = threading.Barrier(len(clients))
    statuses = []

    def decide(client):
        barrier.wait(timeout=30)
        for action in ("grant", "withdraw", "grant"):
            response = client.post(
                reverse("consent:privacy_centre_decide"),
                {"purpose": "profiling", "action": action, "notice_version": notice.pk},
            )
            statuses.append(response.status_code)
        connection.close()

    threads = [threading.Thread(target=decide, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    print("RESULT " + json.dumps({"statuses": statuses, "ledger_ok": selectors.ledger_verify().ok}))
    """
)


def test_concurrent_decisions_on_a_file_backed_sqlite_database_give_no_500(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        {
            "DJANGO_DEBUG": "true",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "SMS_BACKEND": "onboarding.sms.backends.locmem.SmsBackend",
            "LOG_LEVEL": "CRITICAL",
        }
    )

    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.split("RESULT ", 1)[1])
    assert len(outcome["statuses"]) == 36
    assert set(outcome["statuses"]) == {302}, outcome["statuses"]
    assert outcome["ledger_ok"]


INTERLEAVED = textwrap.dedent(
    """
    import json, threading, time
    import django
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    from consent import selectors, services
    from onboarding.models import User

    services.notices_publish_all()
    people = []
    for n in range(2):
        user = User.objects.create_user(phone=f"+86139{n:08d}")
        services.policy_acknowledge(user=user, surface="test")
        people.append(user)
    connection.close()
    b_wrote, a_asked = threading.Event(), threading.Event()
    errors = []

    def first(person):
        # A request that reads (is profiling granted?) and then decides.
        try:
            with transaction.atomic():
                selectors.consent_is_granted(user=person, purpose="profiling")
                b_wrote.wait(timeout=3)
                a_asked.set()
                services.consent_grant(user=person, purpose="profiling", surface="test")
        except Exception as error:
            errors.append(repr(error))
        finally:
            a_asked.set()
            connection.close()

    def second(person):
        # Another request that decides while the first one is between its read and its write.
        try:
            time.sleep(0.3)
            with transaction.atomic():
                services.consent_grant(user=person, purpose="profiling", surface="test")
                b_wrote.set()
                a_asked.wait(timeout=3)
                time.sleep(0.3)
        except Exception as error:
            errors.append(repr(error))
        finally:
            b_wrote.set()
            connection.close()

    threads = [
        threading.Thread(target=first, args=(people[0],)),
        threading.Thread(target=second, args=(people[1],)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    granted = [selectors.consent_is_granted(user=person, purpose="profiling") for person in people]
    print("RESULT " + json.dumps({"errors": errors, "granted": granted}))
    """
)


def test_a_decision_between_anothers_read_and_write_waits_instead_of_failing(tmp_path):
    """The interleaving behind "database is locked": a deferred transaction that has read
    cannot take the write lock while another writer commits; IMMEDIATE takes it at BEGIN."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        {
            "DJANGO_DEBUG": "true",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "SMS_BACKEND": "onboarding.sms.backends.locmem.SmsBackend",
            "LOG_LEVEL": "CRITICAL",
        }
    )

    result = subprocess.run(
        [sys.executable, "-c", INTERLEAVED],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.split("RESULT ", 1)[1])
    assert outcome["errors"] == []
    assert outcome["granted"] == [True, True]
