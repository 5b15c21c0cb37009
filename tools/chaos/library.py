"""`make chaos`, the dataset library: kill -9 during a dataset replace, on both stores.

    python -m tools.chaos.library [--rounds 3] [--store both|embedded|neo4j]

For each store, a service (`careergraph serve` in its own process, as in production) with
a write key, and a client replacing one dataset over and over through the API (the seed's
JSON export under another id, each version named v<n>), noting which versions were
acknowledged (201). At a random moment the service is killed with
SIGKILL. Then a new service is started on the same store, and it must start, be ready,
and serve the last acknowledged version or the one in flight when the kill came (never an
older one: nothing acknowledged is lost), whole (every role). The embedded store keeps its
library in a temporary directory; Neo4j is a private local server (Java 17 + Maven).
A table, one row per round; the exit code is 1 when any round failed.
Everything stops by itself; nothing is left running. The fast pytest twin is
tests/unit/test_dataset_library.py (an importer process killed mid-write).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app import neo4j_launcher
from graph.datafiles import read_dataset
from graph.formats.bundles import to_zip
from graph.formats.importing import export_files
from seed import DATA_DIR
from tools.chaos import faults
from tools.chaos.run import seed

KEY = "chaos-write-key"
DATASET = "chaos"
# The seed, whole: a version served with fewer roles would be a mix.
SEED = read_dataset(DATA_DIR)
ROLES = len(SEED.roles)
COLUMNS = ("store", "round", "killed after s", "acknowledged", "in flight", "served", "verdict")


@dataclass
class Replacing:
    """A client replacing DATASET in a loop until the service dies."""

    base_url: str
    names: itertools.count[int]
    acknowledged: list[str] = field(default_factory=list)
    in_flight: str | None = None

    def run(self) -> None:
        body = to_zip(export_files(SEED, "json"), DATASET)
        with httpx.Client(base_url=self.base_url, timeout=300) as client:
            while True:
                self.in_flight = f"v{next(self.names)}"
                query = f"?id={DATASET}&name={self.in_flight}&replace=true"
                try:
                    answer = client.post(
                        f"/api/v1/datasets{query}",
                        content=body,
                        headers={"X-API-Key": KEY, "Content-Type": "application/zip"},
                    )
                except httpx.HTTPError:
                    return  # the service was killed
                if answer.status_code != 201:
                    raise RuntimeError(f"import answered {answer.status_code}: {answer.text}")
                self.acknowledged.append(self.in_flight)


def one_round(
    store: str, number: int, settings: dict[str, str], log: Path, names: itertools.count[int]
) -> dict[str, str]:
    """Replace until a random SIGKILL, restart, and check what is served."""
    chance = random.Random(number)
    with faults.serving(settings, log) as (base_url, process):
        client = Replacing(base_url, names)
        worker = threading.Thread(target=client.run, daemon=True)
        worker.start()
        faults.seconds_until(lambda: bool(client.acknowledged), timeout=300, every=0.1)
        wait = chance.uniform(0.0, 2.0)
        time.sleep(wait)
        os.kill(process.pid, signal.SIGKILL)
        worker.join(timeout=60)
    last = client.acknowledged[-1]
    with faults.serving(settings, log) as (base_url, _):
        ready = faults.ready(base_url)
        served = httpx.get(f"{base_url}/api/v1/datasets/{DATASET}", timeout=30).json()
    whole = served.get("counts", {}).get("roles") == ROLES
    kept = served.get("name") in (last, client.in_flight)
    verdict = "ok" if whole and kept and ready["status"] == "ready" else "FAILED"
    if ready["status"] != "ready":
        verdict += f" ({'; '.join(ready['reasons'])[:80]})"
    return {
        "store": store,
        "round": str(number),
        "killed after s": f"{wait:.1f}",
        "acknowledged": last,
        "in flight": str(client.in_flight),
        "served": f"{served.get('name')} ({served.get('counts', {}).get('roles')} roles)",
        "verdict": verdict,
    }


def embedded_rounds(rounds: int, state: Path) -> list[dict[str, str]]:
    settings = {
        "CAREERGRAPH_STORE": "embedded",
        "CAREERGRAPH_DATASETS_DIR": str(state / "library"),
        "CAREERGRAPH_API_KEYS": f"chaos:write:{KEY}",
    }
    names = itertools.count(1)
    return [
        one_round("embedded", n, settings, state / "embedded.log", names) for n in range(rounds)
    ]


def neo4j_rounds(rounds: int, state: Path) -> list[dict[str, str]]:
    print(f"starting a private Neo4j in {state} ...", flush=True)
    server = neo4j_launcher.start(port=None, state_dir=state)
    try:
        seed(server)
        settings = {
            **faults.neo4j_env(server, check_every_s=0.5, store_timeout_s=30),
            "CAREERGRAPH_API_KEYS": f"chaos:write:{KEY}",
        }
        names = itertools.count(1)
        return [one_round("neo4j", n, settings, state / "neo4j.log", names) for n in range(rounds)]
    finally:
        neo4j_launcher.stop(state)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="kills per store")
    parser.add_argument("--store", choices=("both", "embedded", "neo4j"), default="both")
    args = parser.parse_args()
    rows: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="careergraph-chaos-library-") as temp:
        if args.store in ("both", "embedded"):
            (Path(temp) / "embedded").mkdir()
            rows += embedded_rounds(args.rounds, Path(temp) / "embedded")
        if args.store in ("both", "neo4j"):
            (Path(temp) / "neo4j").mkdir()
            rows += neo4j_rounds(args.rounds, Path(temp) / "neo4j")
    print()
    print(faults.table(COLUMNS, rows))
    sys.exit(0 if all(r["verdict"] == "ok" for r in rows) else 1)


if __name__ == "__main__":
    main()
