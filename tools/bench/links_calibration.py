"""Calibration of the inferred career links (graph.algorithms.links.LinkPolicy.top_k).

For a grid of k, on the seed and (when skillinfer is installed) on the O*NET preset:
links per role (median, max), precision and recall against the truth set
(graph.evaluation, documented links left out), and on the seed how many ordered role
pairs are reachable at all and within 4 moves (the paths default).
Run: .venv/bin/python tools/bench/links_calibration.py [--no-onet]
"""

from __future__ import annotations

import sys
from dataclasses import replace

import networkx as nx

from graph.algorithms.links import DEFAULT_POLICY, career_links
from graph.datafiles import read_dataset
from graph.evaluation.harness import evaluate
from graph.models import Dataset
from seed import DATA_DIR

GRID = (4, 6, 8, 10, 12, 15, 20, 23, 25)


def reachability(dataset: Dataset, top_k: int) -> str:
    graph = nx.DiGraph()
    graph.add_nodes_from(r.code for r in dataset.roles)
    links = career_links(dataset, policy=replace(DEFAULT_POLICY, top_k=top_k, share=1.0))
    graph.add_edges_from((link.source, link.target) for link in links)
    lengths = dict(nx.all_pairs_shortest_path_length(graph))
    pairs = [(a, b) for a in graph for b in graph if a != b]
    reachable = [lengths[a][b] for a, b in pairs if b in lengths[a]]
    return f"reachable {len(reachable)}/{len(pairs)}, within 4: {sum(n <= 4 for n in reachable)}"


def describe(dataset: Dataset, with_paths: bool) -> None:
    print(f"{dataset.id}: {len(dataset.roles)} roles")
    for top_k in GRID:
        result = evaluate(dataset, policy=replace(DEFAULT_POLICY, top_k=top_k, share=1.0))
        assert result is not None
        links = result.links[0]
        mark = "  <- default" if top_k == DEFAULT_POLICY.k_for(len(dataset.roles)) else ""
        extra = f"; {reachability(dataset, top_k)}" if with_paths else ""
        print(
            f"  k={top_k}: per role median {links.median_out:g} max {links.max_out}, "
            f"precision {links.precision:.3f}, recall {links.recall:.3f}{extra}{mark}"
        )


def main() -> None:
    describe(read_dataset(DATA_DIR), with_paths=True)
    if "--no-onet" not in sys.argv:
        from graph.formats.importing import import_bundle, read_path
        from graph.formats.presets import packaged_file, preset

        options = preset("onet").options
        onet = import_bundle(read_path(packaged_file("onet")), "matrix", options=options)
        describe(onet.dataset, with_paths=False)


if __name__ == "__main__":
    main()
