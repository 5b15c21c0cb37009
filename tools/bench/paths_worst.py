"""Path search on its known worst cases: partial paths kept (budget units) and wall time.

Each case runs within a budget (default 30 s and 2,000,000 partial paths), so a case
that outgrows it prints where it stopped instead of running for minutes:

- seed 2.3 -> 4.8, k=10, max_steps 10 (two cheap paths, then long chains);
- O*NET (the `onet` preset, when skillinfer is installed) cleaning-washing-and-metal-
  pickling-equipment-operators-and -> nuclear-technicians, k=10 at max_steps 8 and 10,
  and k=3 with the default bound (issue 22 finding 1).

Run: .venv/bin/python -m tools.bench.paths_worst [--seconds 30] [--units 2000000]
"""

from __future__ import annotations

import argparse
import time

from graph.algorithms.links import release
from graph.algorithms.paths import k_best_paths
from graph.budget import Budget
from graph.datafiles import read_dataset
from graph.errors import BudgetExceeded, DatasetError, NoPath
from graph.formats.importing import import_bundle, read_path
from graph.formats.presets import packaged_file, preset
from graph.snapshot import Snapshot
from seed import DATA_DIR

ONET_FROM = "cleaning-washing-and-metal-pickling-equipment-operators-and"
ONET_TO = "nuclear-technicians"


def run(snapshot: Snapshot, label: str, a: str, b: str, budget: Budget, **options: object) -> None:
    started = time.perf_counter()
    try:
        answer = k_best_paths(snapshot, a, b, budget=budget, **options)  # type: ignore[arg-type]
        outcome = f"{len(answer.paths)} paths, best {answer.paths[0].cost} level steps"
    except NoPath:
        outcome = "no path"
    except BudgetExceeded as exceeded:
        outcome = f"budget-exceeded: {exceeded.detail}"
    elapsed = time.perf_counter() - started
    print(f"{label:<40} {elapsed:7.2f} s  {budget.spent:>10,} kept  {outcome}")


def onet() -> Snapshot | None:
    try:
        bundle = read_path(packaged_file("onet"))
    except DatasetError as missing:
        print(f"O*NET skipped: {missing.detail}")
        return None
    imported = import_bundle(bundle, "matrix", options=preset("onet").options)
    return Snapshot.build(release(imported.dataset))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--units", type=int, default=2_000_000)
    args = parser.parse_args()

    def budget() -> Budget:
        return Budget(seconds=args.seconds, units=args.units)

    seed = Snapshot.build(release(read_dataset(DATA_DIR)))
    run(seed, "seed 2.3 -> 4.8, k=10, max_steps 10", "2.3", "4.8", budget(), k=10, max_steps=10)
    snapshot = onet()
    if snapshot is None:
        return
    for k, max_steps in ((10, 8), (10, 10), (1, 10), (3, None)):
        label = f"O*NET worst case, k={k}, max_steps {max_steps or 'default'}"
        run(snapshot, label, ONET_FROM, ONET_TO, budget(), k=k, max_steps=max_steps)


if __name__ == "__main__":
    main()
