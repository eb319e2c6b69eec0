"""`make bench-ledger`: consent ledger appends per second on PostgreSQL, 1, 4 and 16 writers.

1. (Re)creates the PostgreSQL database learnright_bench_ledger (BENCH_LEDGER_DATABASE_URL;
   its name must contain "bench"), migrates it and publishes the notices.
2. Gives each writer its own people (BENCH_LEDGER_PEOPLE per writer), so no two
   writers ever append to the same person's chain, as in real traffic.
3. For 1, 4 and 16 writers (separate processes, like app servers), each in a
   loop: one transaction per decision, as a request with ATOMIC_REQUESTS is:
   `consent.services.consent_decline` for the next of its people, then either
   nothing more or 5 ms of other work (a sleep, i.e. waiting on I/O) before
   the commit. Every configuration also runs with the site-wide advisory lock
   the ledger used before (taken before the append and held to the commit) so
   the two designs are compared side by side, on the same machine, in the
   same minute.
4. Each measurement lasts BENCH_LEDGER_SECONDS (default 4); the whole grid runs
   BENCH_LEDGER_ROUNDS times (default 5), forwards and backwards in turn, and
   the median is reported: short interleaved slices keep 1 and 16 writers
   close in time on a machine whose other load comes and goes.
5. Afterwards: a signed checkpoint, then `ledger_verify` (every chain and the
   checkpoint) and a count of forks (two records at one position of one
   chain), which must be zero.
6. Prints the table and rewrites the section between the bench-ledger markers
   of docs/PERFORMANCE.md; exits non-zero if verification fails or a fork exists.
   The targets (16 writers at least 4x one writer with 5 ms of work, 1.8x
   with none) are reported, not asserted: the machine may be shared.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import secrets
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from onboarding.consent_purposes import PROFILING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "BENCH_LEDGER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/learnright_bench_ledger"
)
SECONDS = float(os.environ.get("BENCH_LEDGER_SECONDS", "4"))
ROUNDS = int(os.environ.get("BENCH_LEDGER_ROUNDS", "5"))
PEOPLE_PER_WRITER = int(os.environ.get("BENCH_LEDGER_PEOPLE", "40"))
WRITERS = (1, 4, 16)
WORK_SECONDS = (0.0, 0.005)
DESIGNS = ("per-subject", "site-wide lock")
SITE_WIDE_LOCK_KEY = 0x4C52_4C45_4447_4552  # the key the old design used
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- bench-ledger:start -->", "<!-- bench-ledger:end -->"

# Production-like settings (no DEBUG query log), with throwaway secrets.
os.environ.update(
    DATABASE_URL=DATABASE_URL,
    DJANGO_DEBUG="false",
    DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
    DJANGO_ALLOWED_HOSTS="127.0.0.1",
    CONSENT_CHECKPOINT_SIGNING_KEY=secrets.token_hex(32),
    SMS_BACKEND="onboarding.sms.backends.locmem.SmsBackend",  # nothing is sent here
    DJANGO_SETTINGS_MODULE="config.settings",
)
os.environ.pop("REDIS_URL", None)  # tasks in-process, cache in memory: only the ledger is measured


def recreate_database() -> None:
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop {name!r}: the benchmark database's name must contain 'bench'.")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare() -> list[list[int]]:
    import django

    django.setup()
    from django.core.management import call_command

    from consent import services
    from onboarding.models import User

    # The checks want a production Redis and SMS provider, which an append does not touch.
    call_command("migrate", verbosity=0, skip_checks=True)
    services.notices_publish_all()
    people = []
    for writer in range(max(WRITERS)):
        ids = []
        for index in range(PEOPLE_PER_WRITER):
            user = User.objects.create(phone=f"+86139{writer:03d}{index:05d}", phone_verified=True)
            ids.append(user.pk)
        people.append(ids)
    return people


def writer_loop(user_ids, design, work, ready, go, counts, slot) -> None:
    from django.db import connection, transaction

    from consent import selectors, services
    from onboarding.models import User

    connection.close()  # never share the parent's connection
    users = list(User.objects.filter(pk__in=user_ids))
    notice = selectors.purpose_notice_current(purpose=PROFILING)
    connection.ensure_connection()
    done = 0
    ready.release()
    go.wait()
    stop_at = time.monotonic() + SECONDS
    while time.monotonic() < stop_at:
        user = users[done % len(users)]
        with transaction.atomic():
            if design == "site-wide lock":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SITE_WIDE_LOCK_KEY])
            services.consent_decline(user=user, purpose=PROFILING, surface="bench", notice_version=notice)
            if work:
                time.sleep(work)  # the rest of the request, inside the same transaction
        done += 1
    counts[slot] = done
    connection.close()


def measure(people, writers: int, design: str, work: float) -> float:
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    counts = context.Array("q", writers)
    ready, go = context.Semaphore(0), context.Event()
    processes = [
        context.Process(target=writer_loop, args=(people[i], design, work, ready, go, counts, i))
        for i in range(writers)
    ]
    for process in processes:
        process.start()
    # Start the clock only once every writer is connected and waiting.
    for _ in processes:
        ready.acquire()
    go.set()
    for process in processes:
        process.join()
    if any(process.exitcode != 0 for process in processes):
        sys.exit("A writer failed; see its traceback above.")
    return sum(counts) / SECONDS


def verify() -> tuple[bool, int, str]:
    from django.db.models import Count

    from consent import checkpoints, ledger
    from consent.models import ConsentRecord

    checkpoint = checkpoints.checkpoint_create(now=datetime.now(UTC) + checkpoints.settle_delay())
    forks = (
        ConsentRecord.objects.values("subject_id", "sequence").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    result = ledger.ledger_verify()
    summary = (
        f"{result.records_checked} records in {result.chains_checked} chains; checkpoint {checkpoint.number} "
        f"covers {checkpoint.records}; forks: {forks}; verification: "
        + ("passed" if result.ok else f"FAILED ({result.problem})")
    )
    return result.ok and forks == 0, forks, summary


def table(results: dict) -> list[str]:
    lines = [
        "| Work after the append, in the transaction | Design | 1 writer | 4 writers | 16 writers | 16 / 1 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for work in WORK_SECONDS:
        for design in DESIGNS:
            medians = [statistics.median(results[(design, work, n)]) for n in WRITERS]
            label = "none" if not work else f"{work * 1000:.0f} ms"
            cells = " | ".join(f"{value:,.0f}/s" for value in medians)
            lines.append(f"| {label} | {design} | {cells} | {medians[-1] / medians[0]:.2f}x |")
    return lines


def write_doc(lines: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8")
    block = "\n".join([START, *lines, END])
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main() -> int:
    load_before = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"== Recreating {urlsplit(DATABASE_URL).path.lstrip('/')} and adding people", flush=True)
    recreate_database()
    people = prepare()
    results: dict = {}
    grid = [(design, work, n) for work in WORK_SECONDS for design in DESIGNS for n in WRITERS]
    for round_number in range(ROUNDS):
        order = grid if round_number % 2 == 0 else list(reversed(grid))
        for design, work, writers in order:
            rate = measure(people, writers, design, work)
            results.setdefault((design, work, writers), []).append(rate)
            print(
                f"round {round_number + 1}: {design:>14}, work {work * 1000:.0f} ms, "
                f"{writers:>2} writer(s): {rate:,.0f} appends/s",
                flush=True,
            )
    ok, forks, summary = verify()
    lines = table(results)
    per_subject = {
        key[1:]: statistics.median(values) for key, values in results.items() if key[0] == DESIGNS[0]
    }
    ratio_work = per_subject[(0.005, 16)] / per_subject[(0.005, 1)]
    ratio_none = per_subject[(0.0, 16)] / per_subject[(0.0, 1)]
    verdicts = [
        f"- 16 writers vs 1 with 5 ms of work: {ratio_work:.2f}x (target at least 4x): "
        + ("met." if ratio_work >= 4 else "missed."),
        f"- 16 writers vs 1 with no other work: {ratio_none:.2f}x (target at least 1.8x): "
        + ("met." if ratio_none >= 1.8 else "missed."),
        f"- After the run: {summary}.",
    ]
    machine = (
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} CPU(s), Python {platform.python_version()}, PostgreSQL at "
        f"{urlsplit(DATABASE_URL).hostname}; {SECONDS:g} s per measurement, median of {ROUNDS} interleaved "
        f"rounds, {PEOPLE_PER_WRITER} people per writer. Load average (1, 5, 15 min) before the run: "
        f"{load_before}; after: {' '.join(f'{value:.1f}' for value in os.getloadavg())}."
    )
    output = [machine, "", *lines, "", *verdicts]
    print("\n" + "\n".join(output))
    write_doc(output)
    print(f"\nWritten to {DOC.relative_to(ROOT)}.")
    return 0 if ok and forks == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
