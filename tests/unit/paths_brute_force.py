"""The brute-force answer to a paths question, for checking k_best_paths.

Every simple path over the usable career graph, costed step by step with `explain` (not
with the set formula the search relies on), kept only if every step covers at least the
link threshold of the next role's entry levels from all held before it (within reach),
sorted by (cost, moves, role codes), first k kept. Paths are grown one move at a time,
and a path with a step out of reach is not grown further (k_cheapest says why that is
exact): on the seed, 6,188 paths costed instead of the 93,308 simple ones of at most 4
moves.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import networkx as nx

from graph.algorithms.links import DEFAULT_POLICY
from graph.algorithms.paths import explain, k_best_paths
from graph.errors import NoPath
from graph.models import NaturalKey, natural_key
from graph.results import CareerPath
from graph.snapshot import Snapshot

# Each path as (roles, cost), best first.
Ranked = list[tuple[list[str], int]]
# A path's cost, or None when one of its steps is out of reach.
Cost = Callable[[tuple[str, ...]], int | None]


def explained_cost(snapshot: Snapshot) -> Cost:
    return lambda roles: cost_within_reach(explain(snapshot, list(roles)))


def cost_within_reach(path: CareerPath) -> int | None:
    """The path's cost, or None when one of its steps is out of reach."""
    reached = all(step.coverage >= DEFAULT_POLICY.threshold for step in path.steps)
    return path.cost if reached else None


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
    """The k cheapest of every simple path of at most `max_steps` moves from `source` to
    `target` with every step within reach, grown one move at a time. Two cuts, both exact:
    a path with a step out of reach is not grown (its every extension keeps that step, as a
    step's figures depend on the roles before it only), nor one too far from `target` to
    reach it within `max_steps` (moves counted over the graph, reversed)."""
    to_target = nx.single_source_shortest_path_length(graph.reverse(copy=False), target)
    found: list[tuple[int, int, list[NaturalKey], list[str]]] = []

    def grow(path: tuple[str, ...]) -> None:
        for role in graph.successors(path[-1]):
            longer = (*path, role)
            if role in path or len(path) + to_target.get(role, max_steps + 1) > max_steps:
                continue
            spent = cost(longer)
            if spent is None:
                continue
            if role == target:
                found.append((spent, len(longer), [natural_key(r) for r in longer], list(longer)))
            else:
                grow(longer)

    grow((source,))
    return [(p, c) for c, _, _, p in sorted(found)[:k]]


def answered(snapshot: Snapshot, source: str, target: str, **options: object) -> Ranked:
    """k_best_paths' answer in the same shape; no path is an empty list."""
    try:
        found = k_best_paths(snapshot, source, target, **options)  # type: ignore[arg-type]
    except NoPath:
        return []
    return [(p.roles, p.cost) for p in found.paths]
