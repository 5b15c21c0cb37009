"""How fast the embedded algorithms answer: every role pair, every role, every path.

Prints wall times for: loading + validating the seed, building the snapshot
(inferred links included), all 33 x 33 gaps (both bases), every role's next moves,
and k=3 paths for every ordered pair. Run: .venv/bin/python tools/bench/algorithms.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.algorithms.links import release
from graph.algorithms.moves import next_moves
from graph.algorithms.paths import k_best_paths
from graph.datafiles import read_dataset
from graph.errors import NoPath
from graph.snapshot import Snapshot
from seed import DATA_DIR


def timed(label: str, work: Callable[[], int]) -> None:
    started = time.perf_counter()
    count = work()
    elapsed = time.perf_counter() - started
    per = f", {elapsed / count * 1000:.2f} ms each" if count > 1 else ""
    print(f"{label:<38} {elapsed * 1000:9.1f} ms  ({count} answers{per})")


def main() -> None:
    holder: dict[str, Snapshot] = {}

    def load() -> int:
        holder["snapshot"] = Snapshot.build(release(read_dataset(DATA_DIR)))
        return 1

    timed("read seed + build snapshot", load)
    snapshot = holder["snapshot"]
    codes = sorted(snapshot.roles)

    def all_gaps() -> int:
        for basis in ("entry", "mastery"):
            for a in codes:
                for b in codes:
                    gap(snapshot, role_holder(snapshot, a), b, basis=basis)  # type: ignore[arg-type]
        return 2 * len(codes) ** 2

    def all_moves() -> int:
        for code in codes:
            next_moves(snapshot, role_holder(snapshot, code), limit=32)
        return len(codes)

    def all_paths() -> int:
        none = 0
        for a in codes:
            for b in codes:
                if a != b:
                    try:
                        k_best_paths(snapshot, a, b, k=3, max_steps=4)
                    except NoPath:
                        none += 1
        print(f"  (pairs without a path in 4 moves: {none})")
        return len(codes) * (len(codes) - 1)

    timed("all gaps, entry and mastery", all_gaps)
    timed("next moves for every role", all_moves)
    timed("k=3 paths, every ordered pair", all_paths)


if __name__ == "__main__":
    main()
