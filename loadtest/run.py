"""`make loadtest`: 50 concurrent learners through the whole lawful path.

Starts a production-like stack on this machine only (gunicorn with several
workers, PostgreSQL, Redis as broker and cache, a Celery worker that sends the
SMS through the file backend), then drives 50 simulated learners at once
through: signup with the policy box, the SMS code, the consent screen (half
Agree, half Skip), the questions (answer, skip, answer), home, the switch off
and on, and, for those who agreed, withdrawal in the privacy centre.

Afterwards it checks, and prints:
- zero server errors (5xx) and zero refused requests (4xx) along the path;
- every learner has exactly one `acknowledged` record and exactly one decision
  from the consent screen, plus one `withdrawn` for those who withdrew;
- `verify_consent_ledger` passes (the hash chain did not fork under load);
- p50/p95 latency per step.
It exits non-zero when a check fails. All traffic goes to 127.0.0.1; the run
is bounded by the number of learners and by LOADTEST_DEADLINE seconds.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LEARNERS = int(os.environ.get("LOADTEST_LEARNERS", "50"))
PORT = int(os.environ.get("LOADTEST_PORT", "8170"))
WORKERS = int(os.environ.get("LOADTEST_WEB_WORKERS", "4"))
DEADLINE = float(os.environ.get("LOADTEST_DEADLINE", "300"))
DATABASE = os.environ.get("LOADTEST_DATABASE", "learnright_load")
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/9")
OUT_DIR = ROOT / "var" / "loadtest"
SMS_DIR = OUT_DIR / "sms"

ENV = {
    **os.environ,
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "CONSENT_CHECKPOINT_SIGNING_KEY": secrets.token_hex(32),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_SECURE_HSTS_SECONDS": "0",
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
    "REDIS_URL": REDIS_URL,
    "SMS_BACKEND": "onboarding.sms.backends.filebased.SmsBackend",
    "SMS_FILE_PATH": str(SMS_DIR),
    "LOG_LEVEL": "WARNING",
}

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
POLICY_VERSION_INPUT = re.compile(r'name="policy_version" value="(\d+)"')
NOTICE_VERSION_INPUT = re.compile(r'name="notice_version" value="(\d+)"')
CODE = re.compile(r"\b(\d{6})\b")


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL)


def prepare_database() -> None:
    for statement in (f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", statement], check=True)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, stdout=subprocess.DEVNULL)
    manage("migrate", "--noinput")
    manage("setup_demo")
    manage("collectstatic", "--noinput")
    SMS_DIR.mkdir(parents=True, exist_ok=True)
    (SMS_DIR / "outbox.jsonl").write_text("")


def start_stack() -> list[subprocess.Popen]:
    logs = OUT_DIR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    worker = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=threads",
            "--concurrency=8",
            "-l",
            "WARNING",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=open(logs / "worker.log", "w"),  # noqa: SIM115 - closed when the process ends
        stderr=subprocess.STDOUT,
    )
    web = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--workers",
            str(WORKERS),
            "--threads",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=open(logs / "web.log", "w"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return [web, worker]
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz")


class Learner:
    """One person in a browser: cookies, CSRF tokens and timings."""

    def __init__(self, index: int, timings: dict, failures: list) -> None:
        self.index = index
        self.phone_typed = f"137 {index // 10000:04d} {index % 10000:04d}"
        self.phone = f"+86137{index // 10000:04d}{index % 10000:04d}"
        self.agrees = index % 2 == 0
        self.cookies: dict[str, str] = {}
        self.timings = timings
        self.failures = failures
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)

    def request(self, step: str, method: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        elapsed = (time.perf_counter() - started) * 1000
        self.timings[step].append(elapsed)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.status >= 400:
            self.failures.append((self.index, step, response.status))
        return response.status, response.getheader("Location") or "", content

    def form_post(self, step: str, path: str, page: str, data: dict) -> tuple[int, str, str]:
        token = CSRF_INPUT.search(page)
        return self.request(
            step, "POST", path, {"csrfmiddlewaretoken": token.group(1) if token else "", **data}
        )

    def wait_for_code(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            for line in reversed((SMS_DIR / "outbox.jsonl").read_text().splitlines()):
                message = json.loads(line)
                if message["to"] == self.phone and (match := CODE.search(message["body"])):
                    return match.group(1)
            time.sleep(0.1)
        raise RuntimeError(f"no code reached {self.phone}")

    def run(self) -> None:
        _, _, page = self.request("signup page", "GET", "/accounts/signup/")
        version = POLICY_VERSION_INPUT.search(page)
        status, location, _ = self.form_post(
            "signup",
            "/accounts/signup/",
            page,
            {"phone": self.phone_typed, "privacy_policy_read": "on", "policy_version": version.group(1)},
        )
        assert status == 302, f"signup answered {status}"
        code = self.wait_for_code()
        _, _, page = self.request("code page", "GET", location)
        status, location, _ = self.form_post("code", location, page, {"code": code})
        assert status == 302, f"code answered {status}"
        _, _, page = self.request("consent screen", "GET", location)
        notice = NOTICE_VERSION_INPUT.search(page)
        choice = "agree" if self.agrees else "skip"
        status, location, _ = self.form_post(
            f"consent {choice}",
            location,
            page,
            {"choice": choice, "notice_version": notice.group(1) if notice else ""},
        )
        if self.agrees:
            answers = (("next", "working_professional"), ("skip", ""), ("next", "B2"))
            for step, (action, answer) in enumerate(answers, start=1):
                _, _, page = self.request("question page", "GET", f"/welcome/questions/{step}/")
                data = {"action": action} | ({"answer": answer} if answer else {})
                self.form_post(f"question {action}", f"/welcome/questions/{step}/", page, data)
        _, _, page = self.request("home", "GET", "/")
        self.form_post("switch off", "/recommendations/personalization/", page, {"enabled": "off"})
        _, _, page = self.request("home", "GET", "/")
        self.form_post("switch on", "/recommendations/personalization/", page, {"enabled": "on"})
        if self.agrees:
            _, _, page = self.request("privacy centre", "GET", "/privacy-centre/")
            self.form_post(
                "withdraw", "/privacy-centre/decide/", page, {"purpose": "profiling", "action": "withdraw"}
            )
            self.request("home", "GET", "/")


def drive(timings: dict, failures: list) -> tuple[int, list[str]]:
    errors: list[str] = []
    completed = []

    def one(index: int) -> None:
        learner = Learner(index, timings, failures)
        try:
            learner.run()
            completed.append(learner.phone)
        except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
            errors.append(f"learner {index}: {exc!r}")

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(1, LEARNERS + 1)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, DEADLINE - (time.monotonic() - started)))
    if any(thread.is_alive() for thread in threads):
        errors.append(f"the run did not finish within {DEADLINE:.0f} s")
    return len(completed), errors


LEDGER_CHECK = """
import json
from collections import Counter
from consent.models import ConsentRecord
from onboarding.models import User
learners = {u.subject_id: u.phone for u in User.objects.filter(phone__startswith="+86137")}
records = ConsentRecord.objects.filter(subject_id__in=learners)
counts = Counter((r.subject_id, r.surface, r.decision) for r in records)
print(json.dumps({"learners": len(learners),
    "rows": [[learners[s], surface, decision, n] for (s, surface, decision), n in counts.items()]}))
"""


def check_ledger() -> list[str]:
    problems = []
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", LEDGER_CHECK], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if data["learners"] != LEARNERS:
        problems.append(f"{data['learners']} accounts for {LEARNERS} learners")
    per_learner: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    for phone, _surface, decision, count in data["rows"]:
        per_learner[phone][decision] += count
    for index in range(1, LEARNERS + 1):
        phone = f"+86137{index // 10000:04d}{index % 10000:04d}"
        decisions = per_learner.get(phone, {})
        agreed = index % 2 == 0
        expected = (
            {"acknowledged": 1, "granted": 1, "withdrawn": 1}
            if agreed
            else {"acknowledged": 1, "declined": 1}
        )
        if dict(decisions) != expected:
            problems.append(f"{phone}: ledger {dict(decisions)}, expected {expected}")
    verify = subprocess.run(
        [PYTHON, "manage.py", "verify_consent_ledger"], cwd=ROOT, env=ENV, capture_output=True, text=True
    )
    if verify.returncode != 0:
        problems.append(f"verify_consent_ledger failed: {verify.stdout}{verify.stderr}")
    return problems


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    print(f"Preparing PostgreSQL database {DATABASE} and Redis {REDIS_URL} ...", flush=True)
    prepare_database()
    processes = start_stack()
    timings: dict[str, list[float]] = defaultdict(list)
    failures: list[tuple[int, str, int]] = []
    try:
        print(f"Driving {LEARNERS} concurrent learners against 127.0.0.1:{PORT} ...", flush=True)
        started = time.monotonic()
        completed, errors = drive(timings, failures)
        wall = time.monotonic() - started
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
    server_errors = [f for f in failures if f[2] >= 500]
    refused = [f for f in failures if 400 <= f[2] < 500]
    problems = errors + [f"server error: {f}" for f in server_errors] + [f"refused: {f}" for f in refused]
    problems += check_ledger()

    rows = []
    for step, values in timings.items():
        rows.append(
            {
                "step": step,
                "requests": len(values),
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": round(percentile(values, 0.95), 1),
            }
        )
    print(
        f"\n{completed}/{LEARNERS} learners completed in {wall:.1f} s; "
        f"{sum(len(v) for v in timings.values())} requests; {len(server_errors)} server errors"
    )
    print(f"{'step':<22}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}")
    for row in rows:
        print(f"{row['step']:<22}{row['requests']:>9}{row['p50_ms']:>9}{row['p95_ms']:>9}")
    (OUT_DIR / "results.json").write_text(
        json.dumps(
            {
                "learners": LEARNERS,
                "completed": completed,
                "wall_seconds": round(wall, 1),
                "server_errors": len(server_errors),
                "problems": problems,
                "steps": rows,
            },
            indent=2,
        )
    )
    if problems:
        print("\nFAILED checks:")
        for problem in problems[:50]:
            print(f"- {problem}")
        return 1
    print(
        "\nAll checks passed: no server errors, one acknowledgment and one decision per screen for every "
        "learner, and the consent ledger verifies."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
