"""`make chaos` (workforce): kill -9 the service in the middle of a workforce import, on
both stores, then start it again; a table.

    python -m tools.chaos.workforce [--people 30000] [--store embedded|neo4j|both]

For each store: `careergraph serve` in its own process with a workforce key per duty;
an acknowledged import A (the last complete workforce); then a replace B of --people
people, and SIGKILL of the service as soon as B is being written (its temporary file
exists, or its first batch is staged in Neo4j). The service is started again and must:
serve A whole (nothing acknowledged lost, nothing of B), answer B's people with 404, and
leave no copy of B anywhere (no temporary file, no staged person, no byte or property
holding one of B's ids) once it has started (Neo4j: within SWEEP_S of its first workforce
answer, as it removes B's staged people in the background). Loopback only; everything
stops by itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from subprocess import Popen

import httpx
from neo4j import GraphDatabase

from app import neo4j_launcher
from app.neo4j_launcher import ServerInfo
from graph.datafiles import read_dataset
from graph.workforce.csvfile import write_csv
from graph.workforce.generate import generate
from graph.workforce.models import Workforce
from seed import DATA_DIR
from tools.chaos import faults
from tools.chaos.faults import seconds_until

DATASET = "cigref-2011"
IMPORTER = {"X-API-Key": "chaos-import"}
STEWARD = {"X-API-Key": "chaos-steward"}
HR = {"X-API-Key": "chaos-hr"}
KEYS = "feed:importer:chaos-import,dpo:steward:chaos-steward,hr:workforce:chaos-hr"
# How long the restarted service may take to remove what the killed import staged.
SWEEP_S = 120
COLUMNS = ("store", "B people", "killed after s", "A served", "B found", "leftovers")


@dataclass
class Outcome:
    store: str
    people: int
    killed_after_s: float
    served_a: bool  # the acknowledged workforce, whole
    found_b: int  # B's people the restarted service or the store still holds
    leftovers: int  # temporary files or staged people left after the restart

    @property
    def held(self) -> bool:
        return self.served_a and self.found_b == 0 and self.leftovers == 0

    def row(self) -> dict[str, str]:
        return {
            "store": self.store,
            "B people": str(self.people),
            "killed after s": f"{self.killed_after_s:.2f}",
            "A served": "yes" if self.served_a else "NO",
            "B found": str(self.found_b),
            "leftovers": str(self.leftovers),
        }


class Store:
    """Where the service keeps people, and how to look at it raw."""

    kind = "embedded"

    def __init__(self, workforce_dir: Path) -> None:
        self.workforce_dir = workforce_dir

    def env(self) -> dict[str, str]:
        return {
            "CAREERGRAPH_STORE": "embedded",
            "CAREERGRAPH_WORKFORCE_DIR": str(self.workforce_dir),
        }

    def being_written(self) -> bool:
        return any(self.workforce_dir.glob(f".{DATASET}.json.*.tmp"))

    def leftovers(self) -> int:
        return len(list(self.workforce_dir.glob("*.tmp")))

    def holds(self, text: str) -> bool:
        files = [p for p in self.workforce_dir.rglob("*") if p.is_file()]
        return any(text.encode() in p.read_bytes() for p in files)


class Neo4jPeople(Store):
    kind = "neo4j"

    def __init__(self, workforce_dir: Path, server: ServerInfo) -> None:
        super().__init__(workforce_dir)
        self.server = server
        self.driver = GraphDatabase.driver(server.uri, auth=(server.user, server.password))

    def env(self) -> dict[str, str]:
        return {
            "CAREERGRAPH_STORE": "neo4j",
            "NEO4J_URI": self.server.uri,
            "NEO4J_USER": self.server.user,
            "NEO4J_PASSWORD": self.server.password,
            "CAREERGRAPH_WORKFORCE_DIR": str(self.workforce_dir),
        }

    def _count(self, query: str, **params: str) -> int:
        return int(self.driver.execute_query(query, params).records[0]["n"])

    def being_written(self) -> bool:
        return self.leftovers() > 0

    def leftovers(self) -> int:
        """People no reader reads: an import being staged, replaced, or killed mid-way."""
        return self._count(
            """
            MATCH (p:Person)
            OPTIONAL MATCH (w:Workforce {dataset: p.dataset})
            WITH p, w
            WHERE w IS NULL OR p.import IS NULL OR p.import <> w.live
            RETURN count(p) AS n
            """
        )

    def holds(self, text: str) -> bool:
        return bool(
            self._count(
                "MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $text) RETURN count(n) AS n",
                text=text,
            )
        )


def serving(store: Store, log: Path) -> AbstractContextManager[tuple[str, Popen[bytes]]]:
    """`careergraph serve` on `store` in its own process; its URL and process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "CAREERGRAPH_"))}
    env |= store.env() | {"CAREERGRAPH_API_KEYS": KEYS, "CAREERGRAPH_LOG_LEVEL": "WARNING"}
    return faults.serving(env, log, start_s=90)


def _import(base: str, people: Workforce) -> httpx.Response:
    return httpx.post(
        f"{base}/api/v1/workforce/import?mode=replace&dataset={DATASET}",
        content=write_csv(people.people),
        headers={**IMPORTER, "Content-Type": "text/csv"},
        timeout=600,
    )


def run(store: Store, people: int, log: Path) -> Outcome:
    """Import A, kill the service while B is written, restart, and look."""
    dataset = read_dataset(DATA_DIR)
    first = generate(dataset, people=200, seed=1)
    # B's ids differ from A's, so any of them found afterwards is a copy of B.
    second = Workforce(
        dataset=DATASET,
        people=tuple(
            p.model_copy(update={"id": "B" + p.id})
            for p in generate(dataset, people=people, seed=2).people
        ),
    )
    with serving(store, log) as (base, process):
        acknowledged = _import(base, first)
        if acknowledged.status_code != 200:
            raise RuntimeError(f"import A: {acknowledged.status_code} {acknowledged.text}")
        ended = threading.Event()
        threading.Thread(target=_importing(base, second, ended), daemon=True).start()
        started = time.monotonic()
        seconds_until(lambda: store.being_written() or ended.is_set(), timeout=600, every=0.002)
        os.kill(process.pid, signal.SIGKILL)
        if ended.is_set() and not store.being_written():
            raise RuntimeError("import B ended before the kill: give it more --people")
        killed_after = time.monotonic() - started
    with serving(store, log) as (base, _):
        status = httpx.get(f"{base}/api/v1/workforce?dataset={DATASET}", headers=HR, timeout=120)
        status.raise_for_status()  # the first workforce request opens the store and sweeps
        served = status.json()["people"] == len(first.people)
        sample = [p.id for p in first.people[::40]]
        kept = all(_person(base, person) == 200 for person in sample)
        found = sum(_person(base, p.id) != 404 for p in second.people[:: max(1, people // 25)])
        # The restarted service removes what the killed import staged in the background.
        with contextlib.suppress(TimeoutError):
            seconds_until(lambda: store.leftovers() == 0, timeout=SWEEP_S, every=0.5)
    found += sum(store.holds(p.id) for p in second.people[:: max(1, people // 25)])
    return Outcome(store.kind, people, killed_after, served and kept, found, store.leftovers())


def _person(base: str, person: str) -> int:
    url = f"{base}/api/v1/workforce/person?person={person}&dataset={DATASET}"
    return httpx.get(url, headers=STEWARD, timeout=30).status_code


def _importing(base: str, people: Workforce, ended: threading.Event) -> Callable[[], None]:
    def run() -> None:
        with contextlib.suppress(httpx.HTTPError):  # the service is killed under it
            _import(base, people)
        ended.set()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=30_000, help="people in the killed import")
    parser.add_argument("--store", choices=["embedded", "neo4j", "both"], default="both")
    args = parser.parse_args()
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="careergraph-chaos-workforce-") as temp:
        state = Path(temp)
        if args.store in ("embedded", "both"):
            print("embedded store ...", flush=True)
            outcomes.append(run(Store(state / "embedded"), args.people, state / "service.log"))
        if args.store in ("neo4j", "both"):
            print(f"starting a private Neo4j in {state} ...", flush=True)
            server = neo4j_launcher.start(port=None, state_dir=state / "neo4j")
            try:
                from tools.chaos.run import seed

                seed(server)
                people = Neo4jPeople(state / "neo4j-workforce", server)
                outcomes.append(run(people, args.people, state / "service.log"))
                people.driver.close()
            finally:
                neo4j_launcher.stop(state / "neo4j")
    print()
    print(faults.table(COLUMNS, [o.row() for o in outcomes]))
    if not all(o.held for o in outcomes):
        raise SystemExit("a killed workforce import left something behind or lost A")


if __name__ == "__main__":
    main()
