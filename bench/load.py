"""A small, bounded load generator: threads + http.client, standard library only.

Every request goes to 127.0.0.1. Each run has a fixed duration and a fixed
number of threads; latency is measured per request, throughput as completed
requests over the run's wall-clock time. Runs of the same endpoint can be
merged, so bench/run.py can interleave endpoints in short slices: on a shared
machine, background load then weighs on every endpoint alike.
"""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    name: str
    errors: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)

    @property
    def requests(self) -> int:
        return len(self.latencies_ms)

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return 0.0
        if fraction == 0.5:
            return statistics.median(ordered)
        return ordered[max(0, int(len(ordered) * fraction) - 1)]

    def merged(self, other: Result) -> Result:
        return Result(
            name=self.name,
            errors=self.errors + other.errors,
            seconds=self.seconds + other.seconds,
            latencies_ms=self.latencies_ms + other.latencies_ms,
        )

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "requests": self.requests,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "p50_ms": round(self.percentile(0.5), 1),
            "p95_ms": round(self.percentile(0.95), 1),
            "throughput_rps": round(self.throughput, 1),
        }


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
    return Result(name=name, errors=errors, seconds=time.perf_counter() - started, latencies_ms=latencies)
