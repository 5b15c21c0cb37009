"""Import benchmark and link reachability of the datasets: the seed, O*NET 30.2, ESCO v1.2.1.

For each dataset: counts, the time to read and validate it, to infer its career links
and to build its snapshot, what the quantisation chose (matrix imports), links per
role, and how many ordered role pairs the links reach at all and within 4 moves (the
paths default). `--grid` adds the same link figures for a few other link policies.

O*NET and ESCO come from the skillinfer wheel (dev extra: pip install -e '.[dev]').
Run: .venv/bin/python tools/bench/catalogues.py [onet esco cigref] [--grid]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, release
from graph.formats.importing import Imported, import_bundle, read_path
from graph.formats.presets import packaged_file, preset
from graph.models import CareerLink, Dataset
from graph.snapshot import Snapshot
from seed import DATA_DIR

T = TypeVar("T")
WITHIN = 4
GRID = [LinkPolicy(top_k=k, share=1.0) for k in (4, 8, 25)]


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def read(name: str) -> Imported:
    if name == "cigref":
        return import_bundle(read_path(DATA_DIR), "json")
    return import_bundle(read_path(packaged_file(name)), "matrix", options=preset(name).options)


def spread(values: list[int]) -> str:
    return f"{min(values)}/{statistics.median(values):g}/{max(values)}"


def reachability(dataset: Dataset, links: tuple[CareerLink, ...]) -> dict[str, str]:
    """Links per role and the share of ordered pairs reachable, and within WITHIN moves."""
    index = {r.code: i for i, r in enumerate(dataset.roles)}
    n = len(index)
    rows = [index[k.source] for k in links]
    cols = [index[k.target] for k in links]
    graph = sparse.csr_array((np.ones(len(links)), (rows, cols)), shape=(n, n))
    outs = np.bincount(rows, minlength=n).tolist()
    ins = np.bincount(cols, minlength=n).tolist()
    moves = csgraph.shortest_path(graph, directed=True, unweighted=True)
    off_diagonal = ~np.eye(n, dtype=bool)
    pairs = n * (n - 1)
    reachable = int((np.isfinite(moves) & off_diagonal).sum())
    near = int(((moves <= WITHIN) & off_diagonal).sum())
    finite = moves[np.isfinite(moves) & off_diagonal]
    parts, labels = csgraph.connected_components(graph, directed=True, connection="strong")
    largest = int(np.bincount(labels).max())
    return {
        "links": f"{len(links):,}",
        "out min/med/max": spread(outs),
        "in min/med/max": spread(ins),
        "no way out": str(sum(d == 0 for d in outs)),
        "no way in": str(sum(d == 0 for d in ins)),
        "reachable": f"{reachable / pairs:.2%} ({reachable:,}/{pairs:,})",
        f"within {WITHIN}": f"{near / pairs:.2%}",
        "max moves": f"{int(finite.max()) if finite.size else 0}",
        "strong components": f"{parts} (largest {largest})",
    }


def report(name: str, grid: bool) -> None:
    imported, read_s = timed(lambda: read(name))
    dataset = imported.dataset
    linked, links_s = timed(lambda: release(dataset))
    _, snapshot_s = timed(lambda: Snapshot.build(linked))
    requirements = sum(len(r.requirements) for r in dataset.roles)
    print(f"== {dataset.id}: {dataset.name}")
    print(
        f"counts: {len(dataset.families)} families, {len(dataset.roles)} roles, "
        f"{len(dataset.areas)} areas, {len(dataset.competences)} competences, "
        f"{requirements:,} requirements, {len(dataset.links)} documented links"
    )
    print(f"time: read+validate {read_s:.2f} s, links {links_s:.2f} s, snapshot {snapshot_s:.2f} s")
    if imported.quantisation is not None:
        for line in imported.quantisation.lines():
            print(f"quantisation: {line}")
    figures = reachability(dataset, linked.links)
    print(f"links ({DEFAULT_POLICY}): " + "; ".join(f"{k} {v}" for k, v in figures.items()))
    for policy in GRID if grid else []:
        other, seconds = timed(lambda p=policy: release(dataset, policy=p))  # type: ignore[misc]
        figures = reachability(dataset, other.links)
        print(f"  {policy} ({seconds:.1f} s): " + "; ".join(f"{k} {v}" for k, v in figures.items()))


def main(argv: list[str]) -> None:
    grid = "--grid" in argv
    names = [a for a in argv if not a.startswith("--")] or ["cigref", "onet", "esco"]
    for name in names:
        report(name, grid)


if __name__ == "__main__":
    main(sys.argv[1:])
