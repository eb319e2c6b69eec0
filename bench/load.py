"""A small, bounded load generator: wrk when it is installed, else threads + http.client.

Every request goes to 127.0.0.1. Each run has a fixed duration and a fixed
number of connections; throughput is completed requests over the run's
wall-clock time. Runs of the same endpoint are merged, so bench/run.py can
interleave endpoints in short slices: on a shared machine, background load
then weighs on every endpoint alike.

wrk (C, `apt-get install wrk`) is preferred: a Python client on the same two
cores spends about as much CPU per request as the server's fastest pages, so
it flattens the differences between them. The standard-library client is kept
as the fallback so the benchmark runs anywhere; the report says which one ran.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

WRK_SCRIPT = Path(__file__).resolve().parent / "wrk.lua"


def generator() -> str:
    return "wrk" if shutil.which("wrk") else "python"


@dataclass
class Result:
    """One endpoint: its interleaved slices, merged."""

    name: str
    errors: int
    seconds: float
    requests: int
    # One value per slice: latency percentiles cannot be merged exactly from
    # wrk's summaries, so the figures are means over the slices.
    p50s_ms: list[float] = field(default_factory=list)
    p95s_ms: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def merged(self, other: Result) -> Result:
        return Result(
            name=self.name,
            errors=self.errors + other.errors,
            seconds=self.seconds + other.seconds,
            requests=self.requests + other.requests,
            p50s_ms=self.p50s_ms + other.p50s_ms,
            p95s_ms=self.p95s_ms + other.p95s_ms,
            rates=self.rates + other.rates,
        )

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "requests": self.requests,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "p50_ms": round(statistics.fmean(self.p50s_ms), 1) if self.p50s_ms else 0.0,
            "p95_ms": round(statistics.fmean(self.p95s_ms), 1) if self.p95s_ms else 0.0,
            "throughput_rps": round(self.throughput, 1),
            "rounds_rps": [round(rate, 1) for rate in self.rates],
        }


def _slice(*, name: str, requests: int, errors: int, seconds: float, p50: float, p95: float) -> Result:
    return Result(
        name=name,
        errors=errors,
        seconds=seconds,
        requests=requests,
        p50s_ms=[p50],
        p95s_ms=[p95],
        rates=[requests / seconds if seconds else 0.0],
    )


def _get(port: int, path: str, cookie: str | None, expect: bytes = b"") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Host": "127.0.0.1", "Accept-Language": "en"}
        if cookie:
            headers["Cookie"] = cookie
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        # A page that answers 200 but is not the one we meant to measure (a
        # session that did not sign in, a list that is not personalized) counts
        # as an error, not as a fast request.
        if expect and expect not in body:
            return -1
        return response.status
    finally:
        connection.close()


def warm_up(*, port: int, path: str, cookies: list[str] | None = None, requests: int = 50) -> None:
    """Unmeasured requests: fill caches and per-worker state, every cookie once."""
    cookies = cookies or [None]
    for index in range(max(requests, len(cookies))):
        _get(port, path, cookies[index % len(cookies)])


def run(
    *,
    name: str,
    port: int,
    path: str,
    cookies: list[str] | None = None,
    threads: int = 8,
    seconds: float = 20.0,
    expect: str = "",
) -> Result:
    """GET `path` from `threads` threads for `seconds`; cookies are used round-robin."""
    cookies = cookies or [None]
    marker = expect.encode()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    def worker() -> None:
        nonlocal errors
        local_latencies, local_errors = [], 0
        while time.perf_counter() < deadline:
            with lock:
                index = next(counter)
            started = time.perf_counter()
            try:
                status = _get(port, path, cookies[index % len(cookies)], marker)
            except OSError:
                status = 0
            local_latencies.append((time.perf_counter() - started) * 1000)
            if status != 200:
                local_errors += 1
        with lock:
            latencies.extend(local_latencies)
            errors += local_errors

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    ordered = sorted(latencies) or [0.0]
    return _slice(
        name=name,
        requests=len(latencies),
        errors=errors,
        seconds=time.perf_counter() - started,
        p50=statistics.median(ordered),
        p95=ordered[max(0, int(len(ordered) * 0.95) - 1)],
    )


def run_wrk(
    *,
    name: str,
    port: int,
    path: str,
    cookies: list[str] | None = None,
    threads: int = 2,
    connections: int = 8,
    seconds: float = 20.0,
    expect: str = "",
) -> Result:
    """The same measurement with wrk: `threads` threads, `connections` open connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".cookies", delete=False) as handle:
        handle.write("\n".join(cookies or []))
        cookie_file = handle.name
    try:
        completed = subprocess.run(  # noqa: S603
            [
                shutil.which("wrk") or "wrk",
                f"--threads={threads}",
                f"--connections={connections}",
                f"--duration={max(1, round(seconds))}s",
                "--timeout=30s",
                f"--script={WRK_SCRIPT}",
                f"http://127.0.0.1:{port}{path}",
                "--",
                expect,
                cookie_file,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        Path(cookie_file).unlink(missing_ok=True)
    line = next(line for line in completed.stdout.splitlines() if line.startswith("WRK_RESULT "))
    data = json.loads(line.removeprefix("WRK_RESULT "))
    return _slice(
        name=name,
        requests=data["requests"],
        errors=data["bad"] + data["socket_errors"],
        seconds=data["duration_us"] / 1e6,
        p50=data["p50_us"] / 1000,
        p95=data["p95_us"] / 1000,
    )
