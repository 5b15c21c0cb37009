"""The brute-force answer to a paths question, for checking k_best_paths.

Every simple path networkx lists over the usable career graph, costed step by step
with `explain` (not with the set formula the search relies on), kept only if every
step covers at least the link threshold of the next role's entry levels from all
held before it (within reach), sorted by (cost, moves, role codes), first k kept.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import networkx as nx

from graph.algorithms.links import DEFAULT_POLICY
from graph.algorithms.paths import explain, k_best_paths
from graph.errors import NoPath
from graph.models import natural_key
from graph.snapshot import Snapshot

# Each path as (roles, cost), best first.
Ranked = list[tuple[list[str], int]]
# A path's cost, or None when one of its steps is out of reach.
Cost = Callable[[tuple[str, ...]], int | None]


def explained_cost(snapshot: Snapshot) -> Cost:
    def cost(roles: tuple[str, ...]) -> int | None:
        path = explain(snapshot, list(roles))
        reached = all(step.coverage >= DEFAULT_POLICY.threshold for step in path.steps)
        return path.cost if reached else None

    return cost


def usable_graph(
    snapshot: Snapshot, *, only_documented: bool = False, avoid: Collection[str] = ()
) -> nx.DiGraph:
    """A filtered copy of the career graph: avoided roles and, if asked, inferred links gone."""
    graph = nx.DiGraph()
    graph.add_nodes_from(code for code in snapshot.career if code not in avoid)
    graph.add_edges_from(
        (a, b)
        for a, b, kind in snapshot.career.edges(data="kind")
        if a in graph and b in graph and (not only_documented or kind == "documented")
    )
    return graph


def k_cheapest(
    graph: nx.DiGraph, source: str, target: str, *, k: int, max_steps: int, cost: Cost
) -> Ranked:
    paths = nx.all_simple_paths(graph, source, target, cutoff=max_steps)
    costed = ((cost(tuple(p)), p) for p in paths)
    ranked = sorted((c, len(p), [natural_key(r) for r in p], p) for c, p in costed if c is not None)
    return [(p, c) for c, _, _, p in ranked[:k]]


def answered(snapshot: Snapshot, source: str, target: str, **options: object) -> Ranked:
    """k_best_paths' answer in the same shape; no path is an empty list."""
    try:
        found = k_best_paths(snapshot, source, target, **options)  # type: ignore[arg-type]
    except NoPath:
        return []
    return [(p.roles, p.cost) for p in found.paths]
