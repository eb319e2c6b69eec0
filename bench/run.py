"""`make bench`: the home page under load on PostgreSQL + Redis + gunicorn.

1. (Re)creates the PostgreSQL database learnright_bench and empties Redis db 5.
2. Migrates, publishes the notices, collects static files.
3. For 1,000 and then 100,000 courses: seeds (bench/seed.py), starts gunicorn
   with DJANGO_DEBUG=false on 127.0.0.1:8150, and measures /healthz, the home
   page anonymous and the home page personalized (signed-in sessions of
   learners with consent and answers) with bench/load.py.
4. Prints the figures, checks the targets and writes var/bench/results.json.

Settings (environment): BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT,
BENCH_WORKERS (default 4), BENCH_THREADS (8), BENCH_SECONDS (20 per endpoint, in
BENCH_ROUNDS (5) interleaved slices).
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402

PYTHON = sys.executable
VENV_BIN = Path(PYTHON).parent
OUT = ROOT / "var" / "bench"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/learnright_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
PORT = int(os.environ.get("BENCH_PORT", "8150"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
PHASES = (1_000, 100_000)

ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "CONSENT_CHECKPOINT_SIGNING_KEY": secrets.token_hex(32),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "WARNING",
    # Production refuses the console SMS backend; the bench sends no SMS.
    "SMS_BACKEND": "onboarding.sms.backends.locmem.SmsBackend",
}


def step(message: str) -> None:
    print(f"\n== {message}", flush=True)


def manage(*args: str) -> None:
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=ENV, cwd=ROOT, check=True)  # noqa: S603


def recreate_database() -> None:
    import psycopg
    import redis

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    if not name.endswith("_bench"):
        sys.exit(f"Refusing to drop {name!r}: the benchmark database name must end in _bench.")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(REDIS_URL).flushdb()


def start_gunicorn() -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603
        [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        env=ENV,
        cwd=ROOT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    sys.exit("gunicorn did not answer /healthz within 20 seconds")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def measure(courses: int) -> dict:
    sessions_file = OUT / f"sessions_{courses}.json"
    timings_file = OUT / f"rankers_{courses}.json"
    step(f"Seeding {courses:,} courses")
    subprocess.run(  # noqa: S603
        [
            PYTHON,
            str(ROOT / "bench" / "seed.py"),
            "--courses",
            str(courses),
            "--sessions",
            str(sessions_file),
            "--timings",
            str(timings_file),
        ],
        env=ENV,
        cwd=ROOT,
        check=True,
    )
    sessions = json.loads(sessions_file.read_text())
    personalized = [f"{sessions['cookie_name']}={key}" for key in sessions["personalized"]]
    declined = [f"{sessions['cookie_name']}={key}" for key in sessions["declined"]]

    step(f"Serving with gunicorn ({WORKERS} workers) and measuring, {SECONDS:.0f}s per endpoint")
    load_before = [round(value, 2) for value in os.getloadavg()]
    server = start_gunicorn()
    endpoints = [
        {"name": "healthz", "path": "/healthz", "expect": '"status": "ok"'},
        {"name": "home_anonymous", "path": "/", "expect": "Popular with learners"},
        {"name": "home_personalized", "path": "/", "cookies": personalized, "expect": ">Personalized</span>"},
        # Context, not a target: a signed-in learner who declined profiling
        # pays the same signed-in costs (session, account, consent) without
        # personalization.
        {
            "name": "home_signed_in_declined",
            "path": "/",
            "cookies": declined,
            "expect": "Popular with learners",
        },
    ]
    merged: dict[str, load.Result] = {}
    try:
        for endpoint in endpoints:
            load.warm_up(port=PORT, path=endpoint["path"], cookies=endpoint.get("cookies"))
        # Interleaved slices: background load on a shared machine weighs on
        # every endpoint alike instead of on whichever ran at a bad moment.
        for _ in range(ROUNDS):
            for endpoint in endpoints:
                result = load.run(port=PORT, threads=THREADS, seconds=SECONDS / ROUNDS, **endpoint)
                name = endpoint["name"]
                merged[name] = merged[name].merged(result) if name in merged else result
    finally:
        stop(server)
    results = list(merged.values())
    for result in results:
        print(json.dumps(result.as_dict()))
    return {
        "courses": courses,
        "results": {result.name: result.as_dict() for result in results},
        "cold_ranking": json.loads(timings_file.read_text()),
        "load_average_before": load_before,
    }


def check_targets(phases: list[dict]) -> list[tuple[str, bool, str]]:
    small, large = phases[0]["results"], phases[-1]["results"]
    checks = []
    for phase in phases:
        r = phase["results"]
        ratio = r["home_personalized"]["p50_ms"] / r["home_anonymous"]["p50_ms"]
        checks.append(
            (f"personalized p50 <= 1.5x anonymous p50 at {phase['courses']:,}", ratio <= 1.5, f"{ratio:.2f}x")
        )
        for page in ("home_anonymous", "home_personalized"):
            share = r[page]["throughput_rps"] / r["healthz"]["throughput_rps"]
            checks.append(
                (
                    f"{page} throughput >= 35% of /healthz at {phase['courses']:,}",
                    share >= 0.35,
                    f"{share:.0%}",
                )
            )
    for page in ("home_anonymous", "home_personalized"):
        ratio = large[page]["p50_ms"] / small[page]["p50_ms"]
        checks.append((f"{page} p50 at 100,000 <= 1.5x p50 at 1,000", ratio <= 1.5, f"{ratio:.2f}x"))
        # The same comparison measured against /healthz of the same phase: on a
        # shared machine, background load can change between the two phases.
        relative = (large[page]["p50_ms"] / large["healthz"]["p50_ms"]) / (
            small[page]["p50_ms"] / small["healthz"]["p50_ms"]
        )
        checks.append(
            (
                f"{page} p50 at 100,000 <= 1.5x p50 at 1,000, each relative to /healthz",
                relative <= 1.5,
                f"{relative:.2f}x",
            )
        )
    errors = sum(r["errors"] for phase in phases for r in phase["results"].values())
    checks.append(("no failed requests", errors == 0, str(errors)))
    return checks


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    step(f"Recreating {DATABASE_URL} and flushing {REDIS_URL}")
    recreate_database()
    step("Migrating, publishing notices, collecting static files")
    manage("migrate", "--noinput", "-v", "0")
    manage("publish_notices")
    manage("collectstatic", "--noinput", "-v", "0")

    phases = [measure(courses) for courses in PHASES]
    checks = check_targets(phases)
    machine = {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "workers": WORKERS,
        "client_threads": THREADS,
        "seconds_per_endpoint": SECONDS,
        "interleaved_rounds": ROUNDS,
    }
    (OUT / "results.json").write_text(
        json.dumps({"machine": machine, "phases": phases, "checks": checks}, indent=2)
    )

    step("Results (p50 / p95 ms, requests per second)")
    for phase in phases:
        print(
            f"{phase['courses']:>7,} courses  cold ranking {phase['cold_ranking']}  "
            f"load average before {phase['load_average_before']}"
        )
        for name, r in phase["results"].items():
            print(
                f"    {name:<24} p50 {r['p50_ms']:>7.1f}  p95 {r['p95_ms']:>7.1f}  "
                f"{r['throughput_rps']:>7.1f} req/s  ({r['requests']} requests, {r['errors']} errors)"
            )
    step("Background load (1, 5, 15 min averages)")
    print(f"  {os.getloadavg()}")
    step("Targets")
    for label, ok, value in checks:
        print(f"  [{'PASS' if ok else 'MISS'}] {label}: {value}")
    print(f"\nWritten to {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
