"""Calibration of the inferred career-link policy (graph.algorithms.links.LinkPolicy).

Prints, for a grid of (top_k, threshold): how many links, out/in degrees, how many
ordered role pairs are reachable at all and within 4 moves (the paths default), the
longest shortest move count, and how many documented links the inferred rule finds
on its own. Run: .venv/bin/python tools/bench/links_calibration.py
"""

from __future__ import annotations

import statistics

import networkx as nx

from graph.algorithms.links import DEFAULT_POLICY, LinkPolicy, career_links
from graph.models import Dataset
from seed.io import read_dataset

GRID = [(k, t) for k in (2, 3, 4, 5, 6) for t in (0.5, 0.6, 0.7)]


def describe(dataset: Dataset, policy: LinkPolicy) -> dict[str, object]:
    links = career_links(dataset, policy=policy)
    graph = nx.DiGraph()
    graph.add_nodes_from(r.code for r in dataset.roles)
    graph.add_edges_from((link.source, link.target) for link in links)
    lengths = dict(nx.all_pairs_shortest_path_length(graph))
    pairs = [(a, b) for a in graph for b in graph if a != b]
    reachable = [lengths[a][b] for a, b in pairs if b in lengths[a]]
    without_documented = career_links(dataset.model_copy(update={"links": ()}), policy=policy)
    inferred_pairs = {(link.source, link.target) for link in without_documented}
    outs = [graph.out_degree(n) for n in graph]
    return {
        "top_k": policy.top_k,
        "threshold": policy.threshold,
        "links": len(links),
        "out min/med/max": f"{min(outs)}/{statistics.median(outs):g}/{max(outs)}",
        "in min": min(graph.in_degree(n) for n in graph),
        "reachable": f"{len(reachable)}/{len(pairs)}",
        "within 4": sum(1 for n in reachable if n <= 4),
        "max moves": max(reachable),
        "documented also inferred": sum(
            (d.source, d.target) in inferred_pairs for d in dataset.links
        ),
    }


def main() -> None:
    dataset = read_dataset()
    print(f"{len(dataset.roles)} roles, {len(dataset.links)} documented links")
    rows = [describe(dataset, LinkPolicy(top_k=k, threshold=t)) for k, t in GRID]
    columns = list(rows[0])
    print(" | ".join(columns))
    for row in rows:
        mark = "  <- default" if (row["top_k"], row["threshold"]) == (
            DEFAULT_POLICY.top_k,
            DEFAULT_POLICY.threshold,
        ) else ""
        print(" | ".join(str(row[c]) for c in columns) + mark)


if __name__ == "__main__":
    main()
