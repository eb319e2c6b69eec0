"""`make bench`: the home page under load on PostgreSQL + Redis + gunicorn, beside the anchor.

1. (Re)creates the PostgreSQL database learnright_bench and empties Redis db 5.
2. Migrates, publishes the notices, collects static files; migrates the
   performance anchor (../shared/perfanchor/anchor.py, a stock Django project)
   into its own database on the same server, learnright_bench_anchor.
3. For 1,000 and then 100,000 courses: seeds (bench/seed.py), starts gunicorn
   with DJANGO_DEBUG=false on 127.0.0.1:8150 and the anchor, with the same
   number of gunicorn workers, on 127.0.0.1:8151, and measures in interleaved
   slices: the anchor's /healthz and /, then our /healthz, the home page
   anonymous, personalized (signed-in sessions of learners with consent and
   answers) and signed in but declined, with bench/load.py (wrk if installed).
4. Prints every figure as a ratio to the anchor, checks the targets and writes
   var/bench/results.json.

Settings (environment): BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT,
BENCH_ANCHOR_PORT, BENCH_ANCHOR_DIR, BENCH_WORKERS (default 2, for both
servers), BENCH_THREADS (2 wrk threads), BENCH_CONNECTIONS (8),
BENCH_SECONDS (20 per endpoint, in BENCH_ROUNDS (10) interleaved slices),
BENCH_PHASES (catalog sizes, default 1000,100000).

Before and after in one run: BENCH_BASELINE_DIR=<a checkout of the older code>
and BENCH_BASELINE_REDIS_URL=<a Redis db of its own> also serve that code (on
the same database, BENCH_PORT + 2) and interleave its four endpoints, named
"before_...", with the others.
"""

from __future__ import annotations

import json
import os
import platform
import secrets
import signal
import statistics
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
ANCHOR_PORT = int(os.environ.get("BENCH_ANCHOR_PORT", "8151"))
# The anchor is used exactly as shipped in shared/ (never tuned): it stands
# for what an ordinary Django page costs on this machine, in this run.
ANCHOR_DIR = Path(os.environ.get("BENCH_ANCHOR_DIR", ROOT.parent / "shared" / "perfanchor"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
BASELINE_DIR = os.environ.get("BENCH_BASELINE_DIR", "")
BASELINE_REDIS_URL = os.environ.get("BENCH_BASELINE_REDIS_URL", "")
BASELINE_PORT = PORT + 2
PHASES = tuple(int(n) for n in os.environ.get("BENCH_PHASES", "1000,100000").split(","))

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


# The older code gets a cache of its own: it may render the same cache keys
# differently.
BASELINE_ENV = {**ENV, "REDIS_URL": BASELINE_REDIS_URL}


def flush_baseline_cache() -> None:
    import redis

    redis.Redis.from_url(BASELINE_REDIS_URL).flushdb()


# The anchor reads DATABASE_URL and appends "_anchor" to the database name;
# it must not leave compiled files in the shared folder.
ANCHOR_ENV = {**ENV, "PYTHONDONTWRITEBYTECODE": "1"}


def migrate_anchor() -> None:
    if not (ANCHOR_DIR / "anchor.py").is_file():
        sys.exit(f"The performance anchor is missing: {ANCHOR_DIR / 'anchor.py'} (set BENCH_ANCHOR_DIR).")
    subprocess.run(  # noqa: S603
        [PYTHON, "anchor.py", "migrate", "--noinput", "-v", "0"], env=ANCHOR_ENV, cwd=ANCHOR_DIR, check=True
    )


def start_gunicorn(*, app: str, port: int, cwd: Path, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603
        [
            str(VENV_BIN / "gunicorn"),
            app,
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=cwd,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    sys.exit(f"gunicorn ({app}) did not answer /healthz within 20 seconds")


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

    step(
        f"Serving the app and the anchor with gunicorn ({WORKERS} workers each) and measuring with "
        f"{load.generator()}, {SECONDS:.0f}s per endpoint in {ROUNDS} interleaved slices"
    )
    load_before = [round(value, 2) for value in os.getloadavg()]
    anchor = start_gunicorn(app="anchor:application", port=ANCHOR_PORT, cwd=ANCHOR_DIR, env=ANCHOR_ENV)
    servers = [anchor]
    try:
        servers.append(start_gunicorn(app="config.wsgi:application", port=PORT, cwd=ROOT, env=ENV))
        if BASELINE_DIR:
            flush_baseline_cache()
            servers.append(
                start_gunicorn(
                    app="config.wsgi:application",
                    port=BASELINE_PORT,
                    cwd=Path(BASELINE_DIR),
                    env=BASELINE_ENV,
                )
            )
    except SystemExit:
        for server in servers:
            stop(server)
        raise
    endpoints = [
        # The anchor: what bare Django and a naive Django page of the home
        # page's shape cost here and now. Every figure is read against these.
        {"name": "anchor_healthz", "port": ANCHOR_PORT, "path": "/healthz", "expect": '"status": "ok"'},
        {"name": "anchor_page", "port": ANCHOR_PORT, "path": "/", "expect": "Popular with learners"},
        {"name": "healthz", "port": PORT, "path": "/healthz", "expect": '"status": "ok"'},
        {"name": "home_anonymous", "port": PORT, "path": "/", "expect": "Popular with learners"},
        {
            "name": "home_personalized",
            "port": PORT,
            "path": "/",
            "cookies": personalized,
            "expect": ">Personalized</span>",
        },
        # Context, not a target: a signed-in learner who declined profiling
        # pays the same signed-in costs (session, account, consent) without
        # personalization.
        {
            "name": "home_signed_in_declined",
            "port": PORT,
            "path": "/",
            "cookies": declined,
            "expect": "Popular with learners",
        },
    ]
    if BASELINE_DIR:
        endpoints += [
            {**endpoint, "name": f"before_{endpoint['name']}", "port": BASELINE_PORT}
            for endpoint in endpoints
            if endpoint["port"] == PORT
        ]
    merged: dict[str, load.Result] = {}
    try:
        for endpoint in endpoints:
            load.warm_up(port=endpoint["port"], path=endpoint["path"], cookies=endpoint.get("cookies"))
        # Interleaved slices: background load on a shared machine weighs on
        # every endpoint alike instead of on whichever ran at a bad moment.
        for _ in range(ROUNDS):
            for endpoint in endpoints:
                if load.generator() == "wrk":
                    result = load.run_wrk(
                        threads=THREADS, connections=CONNECTIONS, seconds=SECONDS / ROUNDS, **endpoint
                    )
                else:
                    result = load.run(threads=CONNECTIONS, seconds=SECONDS / ROUNDS, **endpoint)
                name = endpoint["name"]
                merged[name] = merged[name].merged(result) if name in merged else result
    finally:
        for server in servers:
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


def _round_ratios(rates: list[float], anchor: list[float]) -> list[float]:
    return [rate / base for rate, base in zip(rates, anchor, strict=True) if base]


def ratios(results: dict) -> dict[str, dict]:
    """Every endpoint's throughput as a ratio to the anchor's two pages.

    The targets read the ratio of the means. The median of the per-round
    ratios (each slice against the anchor's slices of the same round, seconds
    apart) is kept beside it: on a shared machine it shows whether one round
    of unusual background load moved the mean.
    """
    page, bare = results["anchor_page"], results["anchor_healthz"]
    out = {}
    for name, r in results.items():
        per_page = _round_ratios(r["rounds_rps"], page["rounds_rps"])
        per_bare = _round_ratios(r["rounds_rps"], bare["rounds_rps"])
        out[name] = {
            "to_anchor_page": round(r["throughput_rps"] / page["throughput_rps"], 3)
            if page["throughput_rps"]
            else 0.0,
            "to_anchor_healthz": round(r["throughput_rps"] / bare["throughput_rps"], 3)
            if bare["throughput_rps"]
            else 0.0,
            "to_anchor_page_round_median": round(statistics.median(per_page), 3) if per_page else 0.0,
            "to_anchor_healthz_round_median": round(statistics.median(per_bare), 3) if per_bare else 0.0,
        }
    return out


def check_targets(phases: list[dict]) -> list[tuple[str, bool, str]]:
    small, large = phases[0], phases[-1]
    checks = []
    for phase in phases:
        r = phase["ratios"]
        personalized = r["home_personalized"]["to_anchor_page"]
        anonymous = r["home_anonymous"]["to_anchor_healthz"]
        checks.append(
            (
                f"signed-in personalized home >= 1.0x the anchor's naive page at {phase['courses']:,}",
                personalized >= 1.0,
                f"{personalized:.2f}x",
            )
        )
        checks.append(
            (
                f"anonymous home >= 0.5x the anchor's bare /healthz at {phase['courses']:,}",
                anonymous >= 0.5,
                f"{anonymous:.2f}x",
            )
        )
    # Throughput, each phase measured against the anchor of the same phase:
    # on a shared machine the background load can change between phases.
    drop = (
        small["ratios"]["home_personalized"]["to_anchor_page"]
        / large["ratios"]["home_personalized"]["to_anchor_page"]
    )
    checks.append(
        (
            f"signed-in home at {large['courses']:,} courses within 1.2x of its figure "
            f"at {small['courses']:,}",
            drop <= 1.2,
            f"{drop:.2f}x",
        )
    )
    errors = sum(r["errors"] for phase in phases for r in phase["results"].values())
    checks.append(("no failed requests (a wrong page counts as failed)", errors == 0, str(errors)))
    return checks


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    step(f"Recreating {DATABASE_URL} and flushing {REDIS_URL}")
    recreate_database()
    step("Migrating, publishing notices, collecting static files; migrating the anchor")
    manage("migrate", "--noinput", "-v", "0")
    manage("publish_notices")
    manage("collectstatic", "--noinput", "-v", "0")
    migrate_anchor()
    if BASELINE_DIR:
        if not BASELINE_REDIS_URL or BASELINE_REDIS_URL == REDIS_URL:
            sys.exit("BENCH_BASELINE_DIR needs BENCH_BASELINE_REDIS_URL, a Redis database of its own.")
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            env=BASELINE_ENV,
            cwd=BASELINE_DIR,
            check=True,
        )

    phases = [measure(courses) for courses in PHASES]
    for phase in phases:
        phase["ratios"] = ratios(phase["results"])
    checks = check_targets(phases)
    machine = {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "workers": WORKERS,
        "load_generator": load.generator(),
        "client_threads": THREADS,
        "connections": CONNECTIONS,
        "seconds_per_endpoint": SECONDS,
        "interleaved_rounds": ROUNDS,
        "baseline_dir": BASELINE_DIR or None,
    }
    (OUT / "results.json").write_text(
        json.dumps({"machine": machine, "phases": phases, "checks": checks}, indent=2)
    )

    step("Results (req/s is the mean over the interleaved slices; ratios to the anchor in the same phase)")
    for phase in phases:
        print(
            f"{phase['courses']:>7,} courses  cold ranking {phase['cold_ranking']}  "
            f"load average before {phase['load_average_before']}"
        )
        print(
            f"    {'endpoint':<32} {'req/s':>8} {'x page':>7} {'x bare':>7} {'(median':>8} {'rounds)':>7} "
            f"{'p50 ms':>7} {'p95 ms':>7}  errors"
        )
        for name, r in phase["results"].items():
            ratio = phase["ratios"][name]
            print(
                f"    {name:<32} {r['throughput_rps']:>8.1f} {ratio['to_anchor_page']:>7.2f} "
                f"{ratio['to_anchor_healthz']:>7.2f} {ratio['to_anchor_page_round_median']:>8.2f} "
                f"{ratio['to_anchor_healthz_round_median']:>7.2f} {r['p50_ms']:>7.1f} {r['p95_ms']:>7.1f}  "
                f"{r['errors']} of {r['requests']}"
            )
    print(
        "  x page / x bare: mean req/s as a ratio to the anchor's naive page / and to its bare /healthz;\n"
        "  (median rounds): the median of the same ratios taken round by round"
    )
    step("Background load (1, 5, 15 min averages)")
    print(f"  {os.getloadavg()}")
    step("Targets")
    for label, ok, value in checks:
        print(f"  [{'PASS' if ok else 'MISS'}] {label}: {value}")
    print(f"\nWritten to {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
