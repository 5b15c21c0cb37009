"""Paths: the k best multi-step career paths between two roles (DESIGN.md, "Paths").

A person keeps what earlier roles taught, so a step costs the gap from everything
held so far, not from the previous role alone. That cumulative cost is not an
edge weight, so candidates come from Yen's k-shortest simple paths over the
per-link level steps (an upper bound of the cumulative cost), and are re-ranked
by cumulative cost, then fewer steps, then the role codes for a stable order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import islice, pairwise

import networkx as nx

from graph.algorithms.gap import competence_ref, figures
from graph.algorithms.holdings import from_role, merge
from graph.errors import NoPath
from graph.models import Role, role_sort_key
from graph.results import CareerPath, Gain, PathsAnswer, Step
from graph.snapshot import Snapshot

# How many Yen candidates to examine per wanted path: enough for the re-ranking to
# find cheaper long paths, bounded so a request stays fast on any graph.
CANDIDATES_PER_PATH = 10
MAX_CANDIDATES = 400


def _step(snapshot: Snapshot, held: dict[str, int], source: str, target: str) -> Step:
    role = snapshot.roles[target]
    link = snapshot.link(source, target)
    assert link is not None, "candidate paths only follow existing links"
    after = merge(held, role)
    gains = [
        Gain(
            competence=competence_ref(snapshot.competences[code]),
            before=held.get(code, 0),
            after=level,
        )
        for code, level in sorted(after.items())
        if level > held.get(code, 0)
    ]
    return Step(
        from_=source,
        to=target,
        kind=link.kind,
        cost=figures(held, role).level_steps,
        gains=gains,
        evidence=link.evidence,
    )


def explain(snapshot: Snapshot, roles: list[str]) -> CareerPath:
    """Cost a sequence of roles cumulatively, step by step."""
    held = from_role(snapshot.roles[roles[0]])
    steps: list[Step] = []
    for source, target in pairwise(roles):
        steps.append(_step(snapshot, held, source, target))
        held = merge(held, snapshot.roles[target])
    return CareerPath(roles=roles, cost=sum(s.cost for s in steps), steps=steps)


def _usable_graph(
    snapshot: Snapshot, source: str, target: str, *, only_documented: bool, avoid: Collection[str]
) -> nx.DiGraph:
    """The career graph less avoided roles and, if asked, inferred links.

    A filtered copy rather than a view: Yen's algorithm reads edges thousands of times.
    """
    if not only_documented and not avoid:
        return snapshot.career
    graph = nx.DiGraph()
    graph.add_nodes_from(
        code for code in snapshot.career if code in (source, target) or code not in avoid
    )
    graph.add_edges_from(
        (a, b, data)
        for a, b, data in snapshot.career.edges(data=True)
        if a in graph and b in graph and (not only_documented or data["kind"] == "documented")
    )
    return graph


def _candidates(
    graph: nx.DiGraph, source: str, target: str, *, k: int, max_steps: int
) -> Iterator[list[str]]:
    """Yen's cheapest paths by link level steps, plus the fewest-moves path, within max_steps.

    Yen's order ignores the move count, so its first candidates can all be too long;
    the fewest-moves path guarantees an answer whenever one fits in max_steps.
    """
    yield nx.shortest_path(graph, source, target)
    simple = nx.shortest_simple_paths(graph, source, target, weight="level_steps")
    examined = islice(simple, min(MAX_CANDIDATES, k * CANDIDATES_PER_PATH))
    yield from (p for p in examined if len(p) - 1 <= max_steps)


def _fewest_moves(graph: nx.DiGraph, source: str, target: str) -> int | None:
    try:
        return int(nx.shortest_path_length(graph, source, target))
    except nx.NetworkXNoPath:
        return None


def _why_none(
    start: Role,
    end: Role,
    fewest: int | None,
    *,
    max_steps: int,
    only_documented: bool,
    avoid: Collection[str],
) -> str:
    """Say why there is no path, and what would give one."""
    limits = " using documented links only" if only_documented else ""
    avoided = f" Avoided: {', '.join(sorted(avoid))}." if avoid else ""
    if fewest is None:
        return (
            f"No path from {start.code} {start.title} to {end.code} {end.title}{limits}.{avoided}"
        )
    return (
        f"No path from {start.code} {start.title} to {end.code} {end.title} in at most "
        f"{max_steps} moves{limits}; the shortest takes {fewest}: raise max_steps.{avoided}"
    )


def k_best_paths(
    snapshot: Snapshot,
    source: str,
    target: str,
    *,
    k: int = 3,
    max_steps: int = 4,
    only_documented: bool = False,
    avoid: Collection[str] = (),
) -> PathsAnswer:
    """The `k` cheapest paths of at most `max_steps` moves; NoPath when there is none."""
    start, end = snapshot.role(source), snapshot.role(target)
    for code in avoid:
        snapshot.role(code)
    if start.code == end.code:
        raise NoPath(f"{start.code} and {end.code} are the same role; there is nowhere to go.")
    graph = _usable_graph(
        snapshot, start.code, end.code, only_documented=only_documented, avoid=set(avoid)
    )
    fewest = _fewest_moves(graph, start.code, end.code)
    if fewest is None or fewest > max_steps:
        raise NoPath(
            _why_none(
                start,
                end,
                fewest,
                max_steps=max_steps,
                only_documented=only_documented,
                avoid=avoid,
            )
        )
    unique = {
        tuple(p): p for p in _candidates(graph, start.code, end.code, k=k, max_steps=max_steps)
    }
    found = [explain(snapshot, p) for p in unique.values()]
    found.sort(key=lambda p: (p.cost, len(p.steps), [role_sort_key(r) for r in p.roles]))
    return PathsAnswer(
        from_=snapshot.role_ref(start.code),
        to=snapshot.role_ref(end.code),
        dataset_version=snapshot.version,
        paths=found[:k],
    )
