"""What a person waits for with real catalogues imported: CLI commands and service start.

    .venv/bin/python -m tools.bench.startup [--presets onet esco] [--runs 3]
        [--library DIR] [--code DIR]

Imports the presets (O*NET 30.2, ESCO v1.2.1 from the skillinfer wheel: dev extra) into a
temporary embedded library (CAREERGRAPH_DATASETS_DIR), or uses `--library` as it is (to
open a library another version of the code wrote). Then, each as a new process, as a user
runs them: career commands on the default dataset and on O*NET (one unmeasured run, which
may store links an older library lacked, then the median wall time of `--runs`), and
`careergraph serve` started `--runs` times: seconds to its first /health, to /ready
listing every dataset, and its resident memory then (medians). It prints one table, each
figure against issue 24's target and with the 1-minute load averages it ran under (on a
busy machine wall time counts waiting for a core). `--code DIR` runs the careergraph found
in DIR (a `git archive` of another commit) with this interpreter, for before/after
figures. Everything talks to 127.0.0.1 only and stops within its timeouts; nothing is
left running.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from tools.bench.servers import free_port, stop
from tools.bench.table import Row, markdown, seconds

PRESET_IDS = {"onet": "onet-30-2", "esco": "esco-1-2-1"}
COMMAND_TIMEOUT_S = 300.0
SERVE_TIMEOUT_S = 300.0
POLL_S = 0.05


def careergraph(code: Path | None) -> list[str]:
    """The command line that runs careergraph (from `code` when given)."""
    return (
        [sys.executable, "-c", "from app.cli.main import main; main()"]
        if code
        else [str(Path(sys.executable).with_name("careergraph"))]
    )


def environment(library: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    return {**env, "CAREERGRAPH_DATASETS_DIR": str(library), "CAREERGRAPH_STORE": "embedded"}


def timed(command: list[str], env: dict[str, str], cwd: Path | None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of `command`: on a busy machine the wall time
    also counts waiting for a core, the CPU time does not."""
    start = time.perf_counter()
    cpu = _children_cpu()
    done = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[-4:])} failed: {done.stderr.strip()[-400:]}")
    return time.perf_counter() - start, _children_cpu() - cpu


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cpu_seconds(pid: int) -> float:
    """User + system seconds a running process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def serve_figures(
    base: list[str], env: dict[str, str], cwd: Path | None, wanted: set[str]
) -> dict[str, float]:
    """Seconds to the first /health, to /ready listing `wanted`, and the RSS then (MB)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        server = subprocess.Popen(
            [*base, "serve", "--port", str(port)], env=env, cwd=cwd, stdout=log, stderr=log
        )
        try:
            health = _first(lambda: _answers(f"{url}/health"), start, server)
            health_cpu = cpu_seconds(server.pid)
            listed = _first(lambda: wanted <= _ready_ids(url), start, server)
            return {
                "health_s": health,
                "health_cpu_s": health_cpu,
                "ready_s": listed,
                "rss_mb": resident_mb(server.pid),
                "cpu_s": cpu_seconds(server.pid),
            }
        finally:
            stop(server)


def _answers(url: str) -> bool:
    return httpx.get(url, timeout=1).status_code == 200


def _ready_ids(url: str) -> set[str]:
    ready = httpx.get(f"{url}/ready", timeout=5).json()
    return {d["id"] for d in ready.get("datasets", [])}


def _first(check: Callable[[], bool], start: float, server: subprocess.Popen[bytes]) -> float:
    """Seconds since `start` to the first true `check()`; fails when the server exits."""
    while time.perf_counter() - start < SERVE_TIMEOUT_S:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if check():
                return time.perf_counter() - start
        except httpx.HTTPError:
            pass
        time.sleep(POLL_S)
    raise SystemExit(f"no answer within {SERVE_TIMEOUT_S:g} s")


# (label, arguments, target in seconds): issue 24's "any career command < 1.5 s wall on
# the default dataset and < 2 s on O*NET".
DEFAULT_TARGET_S, ONET_TARGET_S = 1.5, 2.0
ONET = ("--dataset", "onet-30-2")
COMMANDS: list[tuple[str, list[str], float | None]] = [
    ("--help (the floor: starting Python and the CLI)", ["--help"], None),
    ("gap 3.2 3.4", ["gap", "3.2", "3.4"], DEFAULT_TARGET_S),
    ("next 3.2", ["next", "3.2"], DEFAULT_TARGET_S),
    ("paths 1.3 7.2", ["paths", "1.3", "7.2"], DEFAULT_TARGET_S),
    ("next 15-1252.00 --dataset onet-30-2", ["next", "15-1252.00", *ONET], ONET_TARGET_S),
    (
        "gap 15-1252.00 15-1211.00 --dataset onet-30-2",
        ["gap", "15-1252.00", "15-1211.00", *ONET],
        ONET_TARGET_S,
    ),
]
# (figure of serve_figures, label, target, formatter): issue 24's service targets.
SERVE_TARGETS: list[tuple[str, str, float | None, Callable[[float], str]]] = [
    ("health_s", "serve: spawn to first /health", 3.0, seconds),
    ("ready_s", "serve: spawn to /ready listing all {n} datasets", 10.0, seconds),
    ("rss_mb", "serve: resident memory then", 400.0, lambda v: f"{v:,.0f} MB"),
    ("health_cpu_s", "serve: CPU time used by the first /health", None, seconds),
    ("cpu_s", "serve: CPU time used by /ready listing all", None, seconds),
]
SECTION = "start-up, O*NET and ESCO imported"


def load_1min() -> float:
    return os.getloadavg()[0]


def measured(
    values: list[float], loads: list[float], show: Callable[[float], str], cpu: list[float]
) -> str:
    """The median of `values` (and of their CPU seconds when given) and, beside it, the
    1-minute load averages they ran under."""
    spread = f"{min(loads):.1f}-{max(loads):.1f}" if len(loads) > 1 else f"{loads[0]:.1f}"
    used = f", CPU {seconds(statistics.median(cpu))}" if cpu else ""
    return f"{show(statistics.median(values))}{used} (median of {len(values)}; load {spread})"


def command_rows(base: list[str], env: dict[str, str], cwd: Path | None, runs: int) -> list[Row]:
    """Each CLI command run `runs` times after one unmeasured run (which may store links an
    older library lacked), its median wall time against its target."""
    rows = []
    for label, arguments, target in COMMANDS:
        timed([*base, *arguments], env, cwd)
        times, cpu, loads = [], [], []
        for _ in range(runs):
            took, used = timed([*base, *arguments], env, cwd)
            times.append(took)
            cpu.append(used)
            loads.append(load_1min())
        rows.append(
            Row(
                SECTION,
                f"careergraph {label}",
                measured(times, loads, seconds, cpu),
                f"< {seconds(target)}" if target else "",
                None if target is None else statistics.median(times) < target,
            )
        )
        print(markdown(rows[-1:]).splitlines()[-1], flush=True)
    return rows


def serve_rows(
    base: list[str], env: dict[str, str], cwd: Path | None, wanted: set[str], runs: int
) -> list[Row]:
    """`careergraph serve` started `runs` times: the median of each figure against its target."""
    found, loads = [], []
    for _ in range(runs):
        found.append(serve_figures(base, env, cwd, wanted))
        loads.append(load_1min())
    rows = []
    for key, label, target, show in SERVE_TARGETS:
        values = [f[key] for f in found]
        rows.append(
            Row(
                SECTION,
                label.format(n=len(wanted)),
                measured(values, loads, show, []),
                "" if target is None else f"< {show(target)}",
                None if target is None else statistics.median(values) < target,
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presets", nargs="*", default=["onet"], choices=sorted(PRESET_IDS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--library", type=Path, help="an existing library (nothing imported)")
    parser.add_argument("--code", type=Path, help="run the careergraph in this directory")
    args = parser.parse_args()
    base = careergraph(args.code)
    runs = max(1, args.runs)
    with tempfile.TemporaryDirectory(prefix="careergraph-startup-") as scratch:
        library = args.library or Path(scratch)
        env = environment(library)
        for name in [] if args.library else args.presets:
            took, used = timed([*base, "dataset", "import", "--preset", name], env, args.code)
            print(f"import --preset {name}: {took:.1f} s, CPU {used:.1f} s", flush=True)
        rows = command_rows(base, env, args.code, runs)
        wanted = {"cigref-2011", *(PRESET_IDS[p] for p in args.presets)}
        rows += serve_rows(base, env, args.code, wanted, runs)
        print(markdown(rows), flush=True)


if __name__ == "__main__":
    main()
