"""A live LearnRight server for the API journey, started as `make run` starts it.

`make run` migrates, runs setup_demo and then `manage.py runserver` with
DJANGO_DEBUG and COMPLIANCE_TOUR on, SQLite, tasks in-process. The SQLite
variant does exactly that, with SMS written to a file the test reads. The
PostgreSQL variant runs the same server against a database of its own and
Redis, with a real Celery worker next to it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.e2e.harness import BASE_DIR, SmsOutbox, free_port, manage, server_environment


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class LiveServer:
    url: str
    workdir: Path
    env: dict[str, str]
    processes: list[subprocess.Popen]
    outbox: SmsOutbox

    def log_tail(self, lines: int = 80) -> str:
        parts = []
        for log in sorted(self.workdir.glob("*.log")):
            tail = log.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {log.name}\n" + "\n".join(tail))
        return "\n".join(parts)

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return manage(*args, env=self.env, check=check)

    def query(self, code: str):
        """Run Python in `manage.py shell` against the server's database; it prints one JSON value."""
        return json.loads(self.manage("shell", "-c", code).stdout.strip().splitlines()[-1])


@dataclass
class ApiClient:
    """A native app's HTTP client: JSON, X-Session-Token, no cookie jar."""

    base: str
    token: str | None = None
    language: str = "en"
    log: list[str] = field(default_factory=list)

    def call(self, method: str, path: str, body=None) -> Response:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method)  # noqa: S310
        request.add_header("Accept-Language", self.language)
        request.add_header("User-Agent", "LearnRightApp/1.0 (journey test)")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("X-Session-Token", self.token)
        try:
            with urllib.request.urlopen(request, timeout=30) as raw:  # noqa: S310
                response = Response(raw.status, dict(raw.headers), raw.read())
        except urllib.error.HTTPError as error:
            response = Response(error.code, dict(error.headers), error.read())
        self.log.append(f"{method} {path} -> {response.status}")
        if response.headers.get("Content-Type", "").startswith("application/json") and response.body:
            meta = response.json().get("meta") if isinstance(response.json(), dict) else None
            if meta and meta.get("session_token"):
                self.token = meta["session_token"]
        assert "Set-Cookie" not in response.headers, f"{method} {path} set a cookie on an app client"
        return response

    def get(self, path):
        return self.call("GET", path)

    def post(self, path, body=None):
        return self.call("POST", path, {} if body is None else body)

    def put(self, path, body=None):
        return self.call("PUT", path, {} if body is None else body)


def _wait_for_health(server: LiveServer) -> None:
    deadline = time.monotonic() + 60
    while True:
        for process in server.processes:
            if process.poll() is not None:
                raise RuntimeError(f"a server process exited with {process.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"/healthz did not answer 200 within 60 s:\n{server.log_tail()}")
        time.sleep(0.3)


def _fresh_postgres_database(database_url: str) -> str:
    """A database of the server's own next to the test run's: dropped and created anew."""
    import psycopg

    parts = urlsplit(database_url)
    name = f"{parts.path.lstrip('/')}_api_live"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def start(workdir: Path, *, backend: str) -> LiveServer:
    env = server_environment(workdir)
    # As `make run`: the trainers' side notes are on (they change no API answer).
    env["COMPLIANCE_TOUR"] = "true"
    if backend == "postgres":
        env["DATABASE_URL"] = _fresh_postgres_database(os.environ["DATABASE_URL"])
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    manage("migrate", "--noinput", env=env)
    manage("setup_demo", env=env)
    port = free_port()
    processes = []
    server_log = open(workdir / "server.log", "w")  # noqa: SIM115 - written until stop()
    processes.append(
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR,
            env=env,
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
    )
    if backend == "postgres":
        worker_log = open(workdir / "worker.log", "w")  # noqa: SIM115 - written until stop()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO"],
                cwd=BASE_DIR,
                env=env,
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
        )
    server = LiveServer(
        url=f"http://127.0.0.1:{port}",
        workdir=workdir,
        env=env,
        processes=processes,
        outbox=SmsOutbox(workdir / "sms"),
    )
    try:
        _wait_for_health(server)
    except Exception:
        stop(server)
        raise
    return server


def stop(server: LiveServer) -> None:
    for process in server.processes:
        process.terminate()
    for process in server.processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
