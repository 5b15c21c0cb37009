"""A large workforce into Neo4j as a user does it, with a small server heap (issue 24).

    .venv/bin/python -m tools.bench.workforce_import [--people 100000] [--heap 512m]
        [--check-s 1] [--code DIR]

A private local Neo4j (app/neo4j_launcher.py) started with `--heap`, seeded with the
default dataset; a `careergraph serve` on it (CAREERGRAPH_RELOAD_CHECK_S=`--check-s`) with a
workforce key. Then two replaces of `--people` generated people (A, then B: other people),
each by `careergraph workforce import FILE --replace` in its own process, as a user types
it. For each: seconds until the command says it imported (and until it exits, which may
include removing the previous import's people), the peak heap the server used meanwhile
(jstat, young + old generations), and seconds from the command's answer until the service
answers GET /api/v1/workforce with the new workforce's version (polled from the answer on,
while the command may still be removing the replaced people); with the CPU seconds the
command, the server and the service used, and the load average, since wall times on a
shared machine say as much about the neighbours as about the import.
`--code DIR` runs the careergraph found in DIR (a `git archive` of another commit, its
Cypher files included) for both the command and the service, for before/after figures.
Loopback only; every wait is bounded and the server and service stop at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from app import neo4j_launcher
from app.neo4j_launcher import ServerInfo
from graph.datafiles import read_dataset
from graph.workforce.csvfile import write_csv
from graph.workforce.generate import generate
from seed import DATA_DIR
from tools.bench.startup import careergraph
from tools.chaos import faults

KEY = "bench-hr-key"
IMPORT_TIMEOUT_S = 900.0
VISIBLE_TIMEOUT_S = 300.0
POLL_S = 0.1
VERSION = re.compile(r"version ([0-9a-f-]{8,})")


COLUMNS = (
    "import",
    "answered s",
    "exited s",
    "exit code",
    "peak heap MB",
    "visible after s",
    "command CPU s",
    "server CPU s",
    "service CPU s",
    "load average",
)


@dataclass(frozen=True)
class Figures:
    label: str
    answered_s: float | None  # the command said it imported
    exited_s: float
    exit_code: int
    peak_heap_mb: float | None
    visible_s: float | None  # from the answer until the service serves the version
    command_cpu_s: float  # user + system seconds of the command (a shared machine's wall
    server_cpu_s: float  # time is not the work done), and of the Neo4j server meanwhile
    service_cpu_s: float  # the service's, until it served the new version (polls included)
    load: float  # the machine's 1-minute load average at the end
    tail: str

    def row(self) -> str:
        def seconds(value: float | None) -> str:
            return "-" if value is None else f"{value:.1f}"

        heap = "-" if self.peak_heap_mb is None else f"{self.peak_heap_mb:.0f}"
        cells = (
            self.label,
            seconds(self.answered_s),
            seconds(self.exited_s),
            str(self.exit_code),
            heap,
            seconds(self.visible_s),
            seconds(self.command_cpu_s),
            seconds(self.server_cpu_s),
            seconds(self.service_cpu_s),
            f"{self.load:.1f}",
        )
        return "| " + " | ".join(cells) + " |"


def cpu_seconds(pid: int) -> float:
    """User + system seconds process `pid` has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class HeapWatch:
    """The server's heap in use (young + old generations, MB), sampled by jstat."""

    def __init__(self, pid: int) -> None:
        self._pid = pid
        self.peak: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> HeapWatch:
        if shutil.which("jstat"):
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _watch(self) -> None:
        command = ["jstat", "-gc", str(self._pid), "250"]
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as jstat:
            assert jstat.stdout is not None
            header = jstat.stdout.readline().split()
            for line in jstat.stdout:
                values = dict(zip(header, line.split(), strict=False))
                try:
                    used = sum(float(values[k]) for k in ("S0U", "S1U", "EU", "OU")) / 1024
                except (KeyError, ValueError):
                    continue
                self.peak = used if self.peak is None else max(self.peak, used)
                if self._stop.is_set():
                    break
            jstat.terminate()


def served_version(base: str) -> str | None:
    try:
        answer = httpx.get(f"{base}/api/v1/workforce", headers={"X-API-Key": KEY}, timeout=30)
    except httpx.HTTPError:
        return None
    return str(answer.json()["workforce_version"]) if answer.status_code == 200 else None


def imported(
    label: str,
    command: list[str],
    env: dict[str, str],
    csv: Path,
    server: ServerInfo,
    service: tuple[str, int],
    code: Path | None,
) -> Figures:
    """Run one import; time its answer, its exit, the heap, and the service catching up."""
    (base, service_pid), service_cpu = service, cpu_seconds(service[1])
    started, server_cpu = time.monotonic(), cpu_seconds(server.pid)
    answered: float | None = None
    version: str | None = None
    lines: list[str] = []
    visible: list[float] = []  # seconds from the answer, once the service serves `version`

    def watch(version: str) -> None:
        """Poll the service from the command's answer on (not from its exit: removing the
        replaced people may keep the command running for many seconds more)."""
        with contextlib.suppress(TimeoutError):
            visible.append(
                faults.seconds_until(
                    lambda: served_version(base) == version, VISIBLE_TIMEOUT_S, every=POLL_S
                )
            )

    watcher: threading.Thread | None = None
    with HeapWatch(server.pid) as heap:  # the launcher's process is the JVM
        with subprocess.Popen(
            [*command, "workforce", "import", str(csv), "--replace"],
            env=env,
            cwd=code,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as process:
            timer = threading.Timer(IMPORT_TIMEOUT_S, process.kill)
            timer.start()
            assert process.stdout is not None
            for line in process.stdout:
                lines.append(line.rstrip())
                if answered is None and line.startswith("imported"):
                    answered = time.monotonic() - started
                    found = VERSION.search(line)
                    version = found[1] if found else None
                    if version is not None:
                        watcher = threading.Thread(target=watch, args=(version,), daemon=True)
                        watcher.start()
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            timer.cancel()
        exited = time.monotonic() - started
        server_cpu = cpu_seconds(server.pid) - server_cpu
    if watcher is not None:
        watcher.join(VISIBLE_TIMEOUT_S + 30)
    service_cpu = cpu_seconds(service_pid) - service_cpu
    return Figures(
        label,
        answered,
        exited,
        process.returncode,
        heap.peak,
        visible[0] if visible else None,
        usage.ru_utime + usage.ru_stime,
        server_cpu,
        service_cpu,
        os.getloadavg()[0],
        "\n".join(lines[-5:]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--heap", default="512m")
    parser.add_argument("--check-s", type=float, default=1.0)
    parser.add_argument("--code", type=Path, default=None, help="another tree's careergraph")
    args = parser.parse_args()
    if args.code is not None and not (args.code / "careergraph_cypher").exists():
        # The editable install maps careergraph_cypher to this tree's cypher/: the other
        # tree's own queries are found first through a link beside its code.
        (args.code / "careergraph_cypher").symlink_to("cypher")
    dataset = read_dataset(DATA_DIR)
    with tempfile.TemporaryDirectory(prefix="careergraph-workforce-import-") as temp:
        work = Path(temp)
        files = []
        for name, seed in (("A", 1), ("B", 2)):
            started = time.monotonic()
            people = generate(dataset, people=args.people, seed=seed)
            path = work / f"{name}.csv"
            path.write_text(write_csv(people.people), encoding="utf-8")
            print(f"{name}: {args.people} people generated in {time.monotonic() - started:.1f} s")
            files.append((name, path))
        print(f"starting a private Neo4j with a {args.heap} heap ...", flush=True)
        server = neo4j_launcher.start(port=None, state_dir=work / "neo4j", heap=args.heap)
        try:
            from tools.chaos.run import seed as seed_neo4j

            seed_neo4j(server)
            env = {
                k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))
            }
            env |= {
                "NEO4J_URI": server.uri,
                "NEO4J_USER": server.user,
                "NEO4J_PASSWORD": server.password,
                "CAREERGRAPH_STORE": "neo4j",
                "CAREERGRAPH_WORKFORCE_DIR": str(work / "workforce"),
            }
            service = {
                **{k: v for k, v in env.items() if k.startswith(("NEO4J_", "CAREERGRAPH_"))},
                "NEO4J_TIMEOUT_S": "120",
                "CAREERGRAPH_RELOAD_CHECK_S": str(args.check_s),
                "CAREERGRAPH_API_KEYS": f"bench:workforce:{KEY}",
            }
            command = careergraph(args.code)
            results = []
            with faults.serving(service, work / "service.log", cwd=args.code, start_s=120) as (
                base,
                serve,
            ):
                served_version(base)  # the service opens its workforce store now
                for name, path in files:
                    print(f"importing {name} ...", flush=True)
                    figures = imported(
                        name, command, env, path, server, (base, serve.pid), args.code
                    )
                    print(figures.tail)
                    results.append(figures)
        finally:
            neo4j_launcher.stop(work / "neo4j")
    print()
    print(
        f"{args.people} people, heap {args.heap}, reload check {args.check_s} s, "
        f"code {args.code or 'this tree'}"
    )
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS))
    for figures in results:
        print(figures.row())
    if any(f.exit_code != 0 for f in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
