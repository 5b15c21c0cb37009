"""What one request may cost the service: seconds, CPU, memory, and /health meanwhile.

    python -m tools.bench.budgets --library DIR [--source DIR]

Serves `--library` (a datasets directory holding onet-30-2 and esco-1-2-1: `careergraph
dataset import --preset onet|esco` with CAREERGRAPH_DATASETS_DIR=DIR) with `careergraph
serve` in its own process, its code from `--source` (e.g. an export of another commit,
for before/after figures), and sends each scenario below, loopback only. For each: the
slowest answer's seconds and statuses, the service's CPU seconds, its peak memory above
what it held before (VmHWM, reset between scenarios), and the slowest /health probe
(every 50 ms) while it ran. Every request has a client timeout; everything stops.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tools.chaos import faults

KEY = "bench-key-secret"
TIMEOUT_S = 120.0
ESCO, ONET = "esco-1-2-1", "onet-30-2"
COLUMNS = ("scenario", "answers", "slowest s", "CPU s", "peak MB above idle", "/health max ms")


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    params: dict[str, str | int]
    at_once: int = 1
    keyed: bool = False


SCENARIOS = (
    Scenario("GraphML of ESCO, anonymous", "/api/v1/graph", {"dataset": ESCO, "format": "graphml"}),
    Scenario(
        "GraphML of ESCO, keyed, 4 at once (cold)",
        "/api/v1/graph",
        {"dataset": ESCO, "format": "graphml"},
        at_once=4,
        keyed=True,
    ),
    Scenario(
        "GraphML of ESCO, keyed, 4 at once (again)",
        "/api/v1/graph",
        {"dataset": ESCO, "format": "graphml"},
        at_once=4,
        keyed=True,
    ),
    Scenario("JSON graph of O*NET, anonymous", "/api/v1/graph", {"dataset": ONET}),
    Scenario(
        "unlocks on O*NET, limit 500, anonymous",
        "/api/v1/unlocks",
        {"dataset": ONET, "from": "accountants-and-auditors", "limit": 500},
    ),
)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status_kb(pid: int, name: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    raise KeyError(name)


@contextmanager
def _health_probe(base: str) -> Iterator[list[float]]:
    """/health every 50 ms while the block runs; yields the seconds each took."""
    seen: list[float] = []
    stop = threading.Event()

    def probe() -> None:
        with httpx.Client(timeout=TIMEOUT_S) as client:
            while not stop.is_set():
                started = time.monotonic()
                client.get(f"{base}/health")
                seen.append(time.monotonic() - started)
                stop.wait(0.05)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join(TIMEOUT_S)


def _one(base: str, scenario: Scenario) -> tuple[int, float]:
    headers = {"X-API-Key": KEY} if scenario.keyed else {}
    started = time.monotonic()
    try:
        status = httpx.get(
            base + scenario.path, params=scenario.params, headers=headers, timeout=TIMEOUT_S
        ).status_code
    except httpx.HTTPError:
        status = 0
    return status, time.monotonic() - started


def run(base: str, pid: int, scenario: Scenario) -> dict[str, str]:
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # VmHWM starts again from VmRSS
    idle_kb = _status_kb(pid, "VmRSS")
    cpu = _cpu_seconds(pid)
    with _health_probe(base) as health, ThreadPoolExecutor(scenario.at_once) as pool:
        answers = list(pool.map(lambda _: _one(base, scenario), range(scenario.at_once)))
    statuses = sorted(status for status, _ in answers)
    return {
        "scenario": scenario.name,
        "answers": " ".join(str(s) for s in statuses),
        "slowest s": f"{max(seconds for _, seconds in answers):.2f}",
        "CPU s": f"{_cpu_seconds(pid) - cpu:.2f}",
        "peak MB above idle": f"{(_status_kb(pid, 'VmHWM') - idle_kb) / 1024:.0f}",
        "/health max ms": f"{max(health, default=0) * 1000:.0f}"
        + f" (median {statistics.median(health) * 1000:.0f})"
        if health
        else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=None, help="the service's code (a tree)")
    args = parser.parse_args()
    settings = {
        "CAREERGRAPH_STORE": "embedded",
        "CAREERGRAPH_DATASETS_DIR": str(args.library.resolve()),
        "CAREERGRAPH_API_KEYS": f"bench:write:{KEY}",
    }
    with (
        tempfile.TemporaryDirectory() as scratch,
        faults.serving(settings, Path(scratch) / "log", cwd=args.source, start_s=600) as (
            base,
            process,
        ),
    ):
        pid = process.pid
        rows = [run(base, pid, scenario) for scenario in SCENARIOS]
    print(faults.table(COLUMNS, rows))


if __name__ == "__main__":
    main()
