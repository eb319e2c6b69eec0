"""The pieces of the browser suite that are not pytest fixtures.

A real server in its own process (gunicorn, its own SQLite file, SMS written to
a file), the SMS outbox it writes, and the launch options of the system
Chromium. The fixtures in conftest.py put them together.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Flags for a headless Chromium in a container: no sandbox (no user namespaces
# there), and none of the background services that would phone home, so every
# request the network guard sees comes from the page under test (REQUIREMENTS A5).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PORT_RANGE = range(8160, 8200)
# The app allows one SMS per number per 60 s (REQUIREMENTS F1); a second code to
# the same number in one test waits this long after the first.
SMS_QUOTA_SECONDS = 61
_CODE = re.compile(r"\b(\d{6})\b")


def free_port() -> int:
    for port in PORT_RANGE:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port between {PORT_RANGE.start} and {PORT_RANGE.stop - 1}")


def server_environment(workdir: Path, *, tour: bool = False) -> dict[str, str]:
    """The environment of the server and of every manage.py command run against it.

    `tour`: the trainers' side notes on (COMPLIANCE_TOUR), as `make run` shows the app.
    """
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    # No broker: tasks run eagerly inside the request, like `make run`.
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="true",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        SMS_BACKEND="onboarding.sms.backends.filebased.SmsBackend",
        SMS_FILE_PATH=str(workdir / "sms"),
        PYTHONUNBUFFERED="1",
        COMPLIANCE_TOUR="true" if tour else "false",
    )
    return env


def manage(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    """Run a management command against the server's database."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        )
    return result


@dataclass
class SmsOutbox:
    """What the file-based SMS backend of the server has "sent", one JSON line each."""

    directory: Path
    seen_at: dict[str, float] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.directory / "outbox.jsonl"

    def messages(self) -> list[dict[str, str]]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def mark(self) -> int:
        """A bookmark: messages after it were sent after this call."""
        return len(self.messages())

    def messages_to(self, phone: str, *, since: int = 0) -> list[dict[str, str]]:
        return [m for m in self.messages()[since:] if m["to"] == phone]

    def latest_code(self, phone: str, *, since: int = 0, timeout: float = 10.0) -> str:
        """The 6-digit code in the newest message to `phone` (E.164) sent after `since`."""
        deadline = time.monotonic() + timeout
        while True:
            for message in reversed(self.messages_to(phone, since=since)):
                match = _CODE.search(message["body"])
                if match:
                    self.seen_at[phone] = time.monotonic()
                    return match.group(1)
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no code reached {phone} after message #{since}; outbox: {self.messages()[since:]!r}"
                )
            time.sleep(0.1)

    def wait_for_quota(self, phone: str) -> None:
        """Sleep until the app will send `phone` another code: the limit is real, not relaxed."""
        last = self.seen_at.get(phone)
        if last is not None:
            remaining = last + SMS_QUOTA_SECONDS - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)


@dataclass
class LiveApp:
    url: str
    workdir: Path
    env: dict[str, str]
    process: subprocess.Popen
    outbox: SmsOutbox

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"

    def log_tail(self, lines: int = 60) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return manage(*args, env=self.env, check=check)


def start_live_app(workdir: Path, *, tour: bool = False) -> LiveApp:
    env = server_environment(workdir, tour=tour)
    manage("migrate", "--noinput", env=env)
    manage("setup_demo", env=env)
    port = free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - the server writes to it until teardown
    # gunicorn, one worker: the production server, with one process so that the
    # rate limits (local-memory cache) and the in-process tasks see every request.
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--threads=4",
            "--graceful-timeout=3",
            "--access-logfile=-",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    app = LiveApp(
        url=f"http://127.0.0.1:{port}",
        workdir=workdir,
        env=env,
        process=process,
        outbox=SmsOutbox(workdir / "sms"),
    )
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{app.log_tail()}")
        try:
            with urllib.request.urlopen(f"{app.url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return app
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            stop_live_app(app)
            raise RuntimeError(f"/healthz did not answer 200 within 30 s:\n{app.log_tail()}")
        time.sleep(0.2)


def stop_live_app(app: LiveApp) -> None:
    app.process.terminate()
    try:
        app.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app.process.kill()
        app.process.wait(timeout=5)
