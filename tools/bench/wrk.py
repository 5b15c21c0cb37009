"""The load generator: wrk from Debian, one thread, 16 connections (issue 14's setting).

wrk is written in C with an event loop, so one thread drives a Python server far past
what the server answers; it is not the bottleneck. Its Lua hooks give POST bodies and,
with `delay()`, a paced run (each connection waits between requests) for latency at a
chosen rate. Debian's wrk has no constant-rate mode (that is wrk2), so a paced run is
closed-loop: its achieved rate is measured and reported, not assumed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

THREADS = 1
CONNECTIONS = 16
# A slow answer is a figure, not a failure: only an answer later than this is one.
TIMEOUT_S = 10
INSTALL_HINT = "wrk is not installed: `sudo apt-get install -y wrk` (Debian/Ubuntu), then rerun"

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


class WrkMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Request:
    """What every connection sends: a GET, or a POST of a JSON body."""

    path: str
    body: object | None = None

    @property
    def method(self) -> str:
        return "GET" if self.body is None else "POST"


@dataclass(frozen=True)
class Load:
    """One wrk run's figures; `failed` counts non-2xx/3xx answers and socket errors."""

    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    failed: int


def require() -> str:
    """The wrk executable, or WrkMissing saying how to install it."""
    found = shutil.which("wrk")
    if found is None:
        raise WrkMissing(INSTALL_HINT)
    return found


def _script(request: Request, pause_ms: float | None) -> str:
    lines = []
    if request.body is not None:
        lines += [
            'wrk.method = "POST"',
            f"wrk.body = {_lua_string(json.dumps(request.body))}",
            'wrk.headers["Content-Type"] = "application/json"',
        ]
    if pause_ms is not None:
        lines.append(f"function delay() return {pause_ms:.3f} end")
    return "\n".join(lines) + "\n"


def _lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def run(
    base_url: str,
    request: Request,
    *,
    seconds: float,
    pause_ms: float | None = None,
    connections: int = CONNECTIONS,
) -> Load:
    """Load `request` for `seconds`; with `pause_ms`, each connection waits that long between."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_script(request, pause_ms))
    try:
        done = subprocess.run(
            [
                require(),
                f"-t{THREADS}",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--latency",
                f"--timeout={TIMEOUT_S}s",
                "-s",
                script.name,
                base_url + request.path,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=seconds + 2 * TIMEOUT_S + 30,  # wrk stops itself; this if it doesn't
        )
    finally:
        Path(script.name).unlink()
    return parse(done.stdout)


def parse(output: str) -> Load:
    """Figures from wrk's --latency report."""
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    percentiles = {
        int(p): float(v) * _UNITS[unit]
        for p, v, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    }
    if rate is None or total is None or 50 not in percentiles or 99 not in percentiles:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors:
        failed += sum(int(n) for n in errors.groups())
    return Load(
        requests_per_s=float(rate.group(1)),
        p50_ms=percentiles[50],
        p99_ms=percentiles[99],
        requests=int(total.group(1)),
        failed=failed,
    )
