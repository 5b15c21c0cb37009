"""`make chaos` (scale out): N `careergraph serve` instances behind nginx on one Neo4j; a table.

    python -m tools.chaos.scale [--instances 3] [--seconds 20] [--workers 4] [--check-s 1]

Starts a private local Neo4j (as `careergraph neo4j start`), seeds it, starts --instances
services on it, each in its own process and each reaching Neo4j by a `neo4j://` URI (the
routing scheme of a cluster or Aura), and puts nginx in front with the configuration of
docs/examples/nginx/careergraph.conf, rendered. A load of gap / paths / next-moves reads
and /health probes goes through nginx the whole time (loopback only) while it:

1. imports a dataset through the first instance, and times until every instance serves it;
2. replaces the workforce through the first instance, and times until every instance
   serves the new workforce version;
3. removes the dataset through the first instance, and times until none serves it;
4. kills the second instance with SIGKILL under load: nginx must retry every read it had
   sent there on another instance (proxy_next_upstream), so no request fails.

For each phase it prints the requests the load sent, how many failed, how many nginx
retried on another instance (its access log lists more than one upstream), and the
seconds the change took through the first instance (its answer) and then until all
instances agreed (the reload check is --check-s). Exits non-zero when a request failed or
the instances did not agree within --converge-s. Everything stops by itself; nothing is
left running.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.neo4j_launcher import ServerInfo
from graph.datafiles import read_dataset
from graph.workforce.csvfile import write_csv
from graph.workforce.generate import generate
from seed import DATA_DIR
from tools.chaos import faults
from tools.chaos.run import seeded_neo4j

NGINX_SITE = Path(__file__).parents[2] / "docs" / "examples" / "nginx" / "careergraph.conf"
EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "csv-catalogue"
IMPORTED = "acme-engineering"  # the example's dataset id
DATASET = "cigref-2011"
WRITE = {"X-API-Key": "chaos-write"}
IMPORTER = {"X-API-Key": "chaos-import"}
HR = {"X-API-Key": "chaos-hr"}
KEYS = "ops:write:chaos-write,feed:importer:chaos-import,hr:workforce:chaos-hr"
COLUMNS = ("phase", "seconds", "requests", "failed", "retried", "change s", "converged s", "what")
# The balancer's access log: one line per request, with every instance it was sent to.
LOG_FORMAT = '$msec $status "$upstream_addr" "$upstream_status" "$request_uri"'


def render(site: str, instances: list[str], listen: str) -> str:
    """The nginx site of docs/examples/nginx/careergraph.conf for these instances."""
    servers = "\n".join(f"    server {i} max_fails=1 fail_timeout=10s;" for i in instances)
    return site.replace("@SERVERS@", servers).replace("@LISTEN@", listen)


def main_config(site: Path, prefix: Path) -> str:
    """A whole nginx.conf around the site, everything under `prefix` (no system file)."""
    temp = " ".join(
        f"{kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    return f"""worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 512; }}
http {{
    log_format balanced '{LOG_FORMAT}';
    access_log {prefix / "access.log"} balanced;
    {temp} uwsgi_temp_path {prefix / "uwsgi"}; scgi_temp_path {prefix / "scgi"};
    include {site};
}}
"""


@contextmanager
def balancer(instances: list[str], prefix: Path) -> Iterator[str]:
    """nginx in the foreground in front of `instances`, until the block ends; its URL."""
    prefix.mkdir(parents=True, exist_ok=True)
    port = faults.free_port()
    site = prefix / "careergraph.conf"
    site.write_text(render(NGINX_SITE.read_text(), instances, f"127.0.0.1:{port}"))
    (prefix / "nginx.conf").write_text(main_config(site, prefix))
    command = ["nginx", "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        faults.seconds_until(lambda: _answers(base, process), timeout=10)
        yield base
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: finish what is in flight
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _answers(base: str, process: subprocess.Popen[bytes]) -> bool:
    if process.poll() is not None:
        error = process.stderr.read().decode() if process.stderr else ""
        raise RuntimeError(f"nginx exited with {process.returncode}: {error}")
    try:
        return httpx.get(f"{base}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@dataclass(frozen=True)
class Balanced:
    """What nginx's access log says of the requests logged between two instants."""

    requests: int
    failed: int
    retried: int  # sent to more than one instance

    @classmethod
    def read(cls, log: Path, start: float, end: float) -> Balanced:
        # The log's times are wall-clock seconds; the load's are monotonic.
        offset = time.time() - time.monotonic()
        lines = [
            line.split(" ", 2)
            for line in log.read_text().splitlines()
            if start + offset <= float(line.split(" ", 1)[0]) < end + offset
        ]
        return cls(
            requests=len(lines),
            failed=sum(status != "200" for _, status, _ in lines),
            retried=sum("," in rest.split('"')[1] for _, _, rest in lines),
        )


def example_zip() -> bytes:
    """docs/examples/csv-catalogue as the upload a user sends."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(EXAMPLE.iterdir()):
            archive.write(path, f"acme/{path.name}")
    return buffer.getvalue()


def everywhere(instances: list[str], check: Callable[[str], bool], timeout: float) -> float:
    """Seconds until `check` holds on every instance."""
    return faults.seconds_until(lambda: all(check(i) for i in instances), timeout)


def served(dataset: str, version: str | None) -> Callable[[str], bool]:
    """Whether an instance serves `dataset` at `version` (None: does not serve it)."""

    def check(base: str) -> bool:
        answer = asked(f"{base}/api/v1/datasets/{dataset}")
        if answer is not None and answer.status_code == 404:
            return version is None
        return (
            answer is not None
            and answer.status_code == 200
            and (answer.json()["dataset_version"] == version)
        )

    return check


def workforce_at(version: str) -> Callable[[str], bool]:
    def check(base: str) -> bool:
        answer = asked(f"{base}/api/v1/workforce?dataset={DATASET}", HR)
        return (
            answer is not None
            and answer.status_code == 200
            and (answer.json()["workforce_version"] == version)
        )

    return check


def asked(url: str, headers: dict[str, str] | None = None) -> httpx.Response | None:
    """One instance's answer; None when it gave none in time (a check asks again)."""
    try:
        return httpx.get(url, headers=headers, timeout=30)
    except httpx.HTTPError:
        return None


class Phases:
    """Runs phases under one load through the balancer and keeps a row for each."""

    def __init__(self, access_log: Path, instances: list[str], converge_s: float) -> None:
        self.access_log, self.instances, self.converge_s = access_log, instances, converge_s
        self.rows: list[dict[str, str]] = []
        self.failed = False

    def run(self, name: str, change: Callable[[], tuple[str, Callable[[str], bool]]]) -> None:
        """Make a change through the first instance, then wait until all agree."""
        started = time.monotonic()
        what, agreed = change()
        changed = f"{time.monotonic() - started:.2f}"
        try:
            converged = f"{everywhere(self.instances, agreed, self.converge_s):.2f}"
        except TimeoutError:
            converged, self.failed = f"not in {self.converge_s:g}", True
        self._row(name, started, what, changed, converged)

    def kill(self, name: str, process: subprocess.Popen[bytes], seconds: float) -> None:
        """SIGKILL one instance a third of the way into `seconds` of load."""
        started = time.monotonic()
        time.sleep(seconds / 3)
        process.send_signal(signal.SIGKILL)
        time.sleep(seconds * 2 / 3)
        self._row(name, started, f"pid {process.pid} killed after {seconds / 3:.0f} s")

    def _row(
        self, name: str, started: float, what: str, changed: str = "", converged: str = ""
    ) -> None:
        time.sleep(0.5)  # let the last answers of the window reach the log
        ended = time.monotonic() - 0.5
        seen = Balanced.read(self.access_log, started, ended)
        self.failed |= seen.failed > 0
        self.rows.append(
            {
                "phase": name,
                "seconds": f"{ended - started:.1f}",
                "requests": str(seen.requests),
                "failed": str(seen.failed),
                "retried": str(seen.retried),
                "change s": changed,
                "converged s": converged,
                "what": what,
            }
        )


def import_dataset(first: str) -> tuple[str, Callable[[str], bool]]:
    answer = httpx.post(
        f"{first}/api/v1/datasets",
        content=example_zip(),
        headers={**WRITE, "Content-Type": "application/zip"},
        timeout=120,
    )
    answer.raise_for_status()
    version = answer.json()["dataset"]["dataset_version"]
    return f"{IMPORTED} {version} imported", served(IMPORTED, version)


def replace_workforce(first: str, people: int) -> tuple[str, Callable[[str], bool]]:
    generated = generate(read_dataset(DATA_DIR), people=people, seed=int(time.time()))
    answer = httpx.post(
        f"{first}/api/v1/workforce/import?mode=replace&dataset={DATASET}",
        content=write_csv(generated.people),
        headers={**IMPORTER, "Content-Type": "text/csv"},
        timeout=120,
    )
    answer.raise_for_status()
    version = answer.json()["workforce_version"]
    return f"{people} people, workforce {version}", workforce_at(version)


def remove_dataset(first: str) -> tuple[str, Callable[[str], bool]]:
    answer = httpx.delete(f"{first}/api/v1/datasets/{IMPORTED}", headers=WRITE, timeout=60)
    answer.raise_for_status()
    return f"{IMPORTED} removed", served(IMPORTED, None)


def routed(server: ServerInfo) -> str:
    """The server's address by the routing scheme (`neo4j://`) a cluster is reached by."""
    return "neo4j://" + server.uri.split("://", 1)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instances", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20, help="length of the kill phase")
    parser.add_argument("--workers", type=int, default=4, help="threads sending data reads")
    parser.add_argument("--check-s", type=float, default=1.0, help="CAREERGRAPH_RELOAD_CHECK_S")
    parser.add_argument("--converge-s", type=float, default=30, help="give up after this")
    parser.add_argument("--people", type=int, default=500, help="the workforce replaced")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="careergraph-chaos-scale-") as temp:
        state = Path(temp)
        with seeded_neo4j(state / "neo4j") as server:
            env = faults.neo4j_env(server, args.check_s, store_timeout_s=10)
            env |= {"NEO4J_URI": routed(server), "CAREERGRAPH_API_KEYS": KEYS}
            with ExitStack() as stack:
                started = [
                    stack.enter_context(faults.serving(env, state / f"service-{n}.log"))
                    for n in range(args.instances)
                ]
                instances = [base for base, _ in started]
                upstreams = [base.removeprefix("http://") for base in instances]
                url = stack.enter_context(balancer(upstreams, state / "nginx"))
                stack.enter_context(faults.Load(url, workers=args.workers, timeout_s=30))
                print(
                    f"{args.instances} instances on {routed(server)} behind nginx at {url}; "
                    f"reload check every {args.check_s:g} s",
                    flush=True,
                )
                phases = Phases(state / "nginx" / "access.log", instances, args.converge_s)
                first = instances[0]
                phases.run("import via instance 1", lambda: import_dataset(first))
                for base in instances:  # each opens its workforce store once, first
                    workforce_at("")(base)
                phases.run(
                    "workforce via instance 1", lambda: replace_workforce(first, args.people)
                )
                phases.run("removal via instance 1", lambda: remove_dataset(first))
                phases.kill("kill -9 instance 2", started[1][1], args.seconds)
            print()
            print(faults.table(COLUMNS, phases.rows))
    if phases.failed:
        raise SystemExit("a request failed, or the instances did not agree in time")


if __name__ == "__main__":
    main()
