"""Paths: the k best multi-step career paths between two roles (DESIGN.md, "Paths").

A person keeps what earlier roles taught: a step costs the level steps from
everything held so far to the next role's entry levels, and `merge` raises each
held level to max(held, entry). So a step costs exactly the rise of the sum of
held levels, and a path's cost is

    sum over competences of (highest entry level among the path's roles)
    - sum of the start role's entry levels,

which depends only on the SET of roles visited and can only grow when a role is
added. Paths are ranked by that cost, then fewer moves, then their role codes.

The search is best-first over partial simple paths from the source, each ranked by
    (cost of its roles plus the target,
     its moves + the fewest moves left to the target,
     its role codes).
No completion of a partial path ranks before it (cost only grows as roles are
added, moves are at least moves + moves left, and a prefix's codes sort before
its extensions'), and a complete path's rank is its answer's sort key. So complete
paths leave the heap in the answer's order, ties included, and the search stops
at the k-th. The fewest moves left come from one breadth-first search backwards
from the target over the usable links (a lower bound: it may pass through roles
already on the path); they also prune every branch that cannot reach the target
within max_steps.

Complexity, for V roles and E usable links: the backward search takes O(V + E) time
and O(V) memory, and reads the snapshot's graph in place, without a copy. The
best-first search pops only partial paths ranked before the k-th answer. Each
role's onward links are sorted once by moves left (O(d log d) for its d links), so
a pop costs O(c + d' (c + L + log H)) time for c competences per role, d' links
that can still arrive in time, L = max_steps and H paths in the heap; they hold
O(H L + P c) memory for P pops. Ties and near-ties make P grow: at worst every
simple path of at most L moves that can still reach the target in time, O(d^L).
Pops per query, measured: on the seed (33 roles, 207 links) median 9, at most 46
with max_steps 4, median 15, at most 795 with the default bound; on the synthetic
catalogue of tools/bench/algorithms.py (3,000 roles, 45,000 links) at most 47 with
max_steps 4, median 426, at most ~5,300 with the default bound (up to 8 moves).

From a self-assessment, the search starts at a stand-in for the person
(SELF_ASSESSMENT, a code no role has) holding the self-assessed levels, whose
onward moves are the roles `moves.entries` allows; the cost formula and the
search are otherwise the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import networkx as nx

from graph.algorithms.gap import competence_ref, figures
from graph.algorithms.holdings import Holdings, from_role, merge, role_holder
from graph.algorithms.moves import entries, entry_evidence
from graph.budget import Budget
from graph.errors import NoPath
from graph.models import LinkKind, NaturalKey, natural_key
from graph.results import CareerPath, Gain, Holder, HolderPathsAnswer, PathsAnswer, Step
from graph.snapshot import Snapshot

# Without a given max_steps: paths of up to the fewest moves + DEFAULT_SLACK, and no
# more than DEFAULT_MAX_STEPS moves unless the shortest path itself needs more.
DEFAULT_SLACK = 2
DEFAULT_MAX_STEPS = 8
DEFAULT_RULE = (
    f"the fewest moves + {DEFAULT_SLACK}, at most {DEFAULT_MAX_STEPS} "
    "unless the shortest path needs more"
)


# Where a role code would be, this stands for a self-assessed person: no role has it.
SELF_ASSESSMENT = ""


@dataclass(frozen=True)
class Start:
    """Where a path starts: a role, or a self-assessment (code SELF_ASSESSMENT).

    `entries` are the roles a self-assessment may move into first, each with why.
    """

    code: str
    name: str
    held: Holdings
    entries: Mapping[str, str]


def start_of(snapshot: Snapshot, holder: Holder) -> Start:
    if holder.role is not None:
        role = snapshot.role(holder.role.code)
        return Start(role.code, f"{role.code} {role.title}", from_role(role), {})
    held = dict(holder.holdings)
    return Start(SELF_ASSESSMENT, "the self-assessment", held, entries(snapshot, held))


def _move(snapshot: Snapshot, start: Start, source: str, target: str) -> tuple[LinkKind, str]:
    """The kind and evidence of a move; from a self-assessment, its figures and rule."""
    if source == SELF_ASSESSMENT:
        numbers = figures(start.held, snapshot.roles[target])
        return "inferred", entry_evidence(numbers, start.entries.get(target))
    link = snapshot.link(source, target)
    assert link is not None, "paths only follow existing links"
    return link.kind, link.evidence


def _step(
    snapshot: Snapshot,
    start: Start,
    held: Holdings,
    after: dict[str, int],
    source: str,
    target: str,
) -> Step:
    kind, evidence = _move(snapshot, start, source, target)
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
        kind=kind,
        cost=figures(held, snapshot.roles[target]).level_steps,
        gains=gains,
        evidence=evidence,
    )


def explain_from(snapshot: Snapshot, start: Start, roles: list[str]) -> CareerPath:
    """Cost the moves from `start` through `roles` (the roles entered) cumulatively.

    The path lists the start role first; a self-assessment is no role, so its path
    lists only the roles entered, and its first step comes from SELF_ASSESSMENT.
    """
    held: Holdings = start.held
    steps: list[Step] = []
    for source, target in pairwise([start.code, *roles]):
        after = merge(held, snapshot.roles[target])
        steps.append(_step(snapshot, start, held, after, source, target))
        held = after
    listed = roles if start.code == SELF_ASSESSMENT else [start.code, *roles]
    return CareerPath(roles=listed, cost=sum(s.cost for s in steps), steps=steps)


def explain(snapshot: Snapshot, roles: list[str]) -> CareerPath:
    """Cost a sequence of roles cumulatively, step by step."""
    return explain_from(snapshot, start_of(snapshot, role_holder(snapshot, roles[0])), roles[1:])


@dataclass(frozen=True)
class _Usable:
    """The career links a request may follow, read from the snapshot's graph in place.

    Avoided roles are never entered; the request's own source and target are never
    avoided. With `only_documented`, inferred links are skipped.
    """

    career: nx.DiGraph
    avoided: frozenset[str]
    only_documented: bool
    entries: tuple[str, ...] = ()

    def successors(self, role: str) -> list[str]:
        if role == SELF_ASSESSMENT:
            return [r for r in self.entries if r not in self.avoided]
        return self._usable(self.career.succ[role])

    def predecessors(self, role: str) -> list[str]:
        return self._usable(self.career.pred[role])

    def _usable(self, links: Mapping[str, Mapping[str, object]]) -> list[str]:
        # Iterating the neighbours' codes alone is several times faster than .items().
        if self.only_documented:
            return [r for r in links if r not in self.avoided and links[r]["kind"] == "documented"]
        return [r for r in links if r not in self.avoided]


def _moves_to(usable: _Usable, target: str) -> dict[str, int]:
    """The fewest usable moves from each role that can reach `target` (backward BFS),
    and from a self-assessment, one more than from the best role it may enter."""
    moves = {target: 0}
    layer = [target]
    while layer:
        ahead = []
        for role in layer:
            for before in usable.predecessors(role):
                if before not in moves:
                    moves[before] = moves[role] + 1
                    ahead.append(before)
        layer = ahead
    first = [moves[r] for r in usable.successors(SELF_ASSESSMENT) if r in moves]
    if first:
        moves[SELF_ASSESSMENT] = 1 + min(first)
    return moves


def _rise(held: Mapping[str, int], levels: Mapping[str, int]) -> int:
    """How much the sum of held levels rises on taking a role with entry `levels`."""
    return sum(
        level - have for code, level in levels.items() if level > (have := held.get(code, 0))
    )


# A partial path in the search: (cost, moves + moves left, role codes, roles, levels
# held before its last role, whose levels are added only if the path is popped).
_Entry = tuple[int, int, tuple[NaturalKey, ...], tuple[str, ...], dict[str, int]]


def _cheapest(
    snapshot: Snapshot,
    usable: _Usable,
    moves_left: dict[str, int],
    start: Start,
    target: str,
    *,
    k: int,
    max_steps: int,
) -> list[tuple[str, ...]]:
    """The k best simple paths of at most `max_steps` moves, best first (module docstring)."""
    source = start.code
    entry = cache(
        lambda code: dict(start.held) if code == source else from_role(snapshot.roles[code])
    )
    sort_key = cache(natural_key)

    @cache
    def onward(role: str) -> list[tuple[int, str]]:
        """Where a path may go next from `role`, fewest moves left first."""
        return sorted((moves_left[r], r) for r in usable.successors(role) if r in moves_left)

    # Holding the target's levels from the start makes a partial path's cost the cost
    # of going straight on to the target; the direct move's cost to begin with.
    cost = _rise(entry(source), entry(target))
    # The codes differ between any two paths, so roles and levels are never compared.
    heap: list[_Entry] = [(cost, moves_left[source], (sort_key(source),), (source,), entry(target))]
    found: list[tuple[str, ...]] = []
    while heap and len(found) < k:
        cost, _, codes, roles, before = heapq.heappop(heap)
        last = roles[-1]
        if last == target:
            found.append(roles)
            continue
        held = before | {c: n for c, n in entry(last).items() if n > before.get(c, 0)}
        moves = len(roles)  # after one more step
        for left, role in onward(last):
            if moves + left > max_steps:
                break
            if role in roles:
                continue
            heapq.heappush(
                heap,
                (
                    cost + _rise(held, entry(role)),
                    moves + left,
                    (*codes, sort_key(role)),
                    (*roles, role),
                    held,
                ),
            )
    return found


def _why_none(
    start: str,
    end: str,
    fewest: int | None,
    *,
    max_steps: int | None,
    only_documented: bool,
    avoid: Collection[str],
) -> str:
    """Say why there is no path, and what would give one."""
    limits = " using documented links only" if only_documented else ""
    avoided = f" Avoided: {', '.join(sorted(avoid))}." if avoid else ""
    if fewest is None:
        return f"No path from {start} to {end}{limits}.{avoided}"
    return (
        f"No path from {start} to {end} in at most "
        f"{max_steps} moves{limits}; the shortest takes {fewest}: raise max_steps.{avoided}"
    )


def default_max_steps(fewest: int) -> int:
    """The bound used when none is given: a little room beyond the shortest path."""
    return max(fewest, min(fewest + DEFAULT_SLACK, DEFAULT_MAX_STEPS))


def k_best_paths_from(
    snapshot: Snapshot,
    holder: Holder,
    target: str,
    *,
    k: int = 3,
    max_steps: int | None = None,
    only_documented: bool = False,
    avoid: Collection[str] = (),
    budget: Budget | None = None,
) -> HolderPathsAnswer:
    """The `k` cheapest simple paths from a role or a self-assessment; NoPath when there is none.

    `budget`: accepted for the routes; the search spends it on branch `paths`.

    Without `max_steps`, the bound is `default_max_steps` of the fewest moves needed.
    With `only_documented`, a self-assessment still enters its first role by the
    entry rule: no document states moves from a person.
    """
    start, end = start_of(snapshot, holder), snapshot.role(target)
    avoided = frozenset(snapshot.role(code).code for code in avoid) - {start.code, end.code}
    if start.code == end.code:
        raise NoPath(f"The start and {end.code} {end.title} are the same role; nowhere to go.")
    usable = _Usable(snapshot.career, avoided, only_documented, tuple(start.entries))
    moves_left = _moves_to(usable, end.code)
    fewest = moves_left.get(start.code)
    if fewest is None or (max_steps is not None and fewest > max_steps):
        raise NoPath(
            _why_none(
                start.name,
                f"{end.code} {end.title}",
                fewest,
                max_steps=max_steps,
                only_documented=only_documented,
                avoid=avoid,
            )
        )
    bound = default_max_steps(fewest) if max_steps is None else max_steps
    found = _cheapest(snapshot, usable, moves_left, start, end.code, k=k, max_steps=bound)
    return HolderPathsAnswer(
        from_=holder,
        to=snapshot.role_ref(end.code),
        dataset_version=snapshot.version,
        max_steps=bound,
        max_steps_source="default" if max_steps is None else "given",
        fewest_moves=fewest,
        paths=[explain_from(snapshot, start, list(roles[1:])) for roles in found],
    )


def k_best_paths(
    snapshot: Snapshot,
    source: str,
    target: str,
    *,
    k: int = 3,
    max_steps: int | None = None,
    only_documented: bool = False,
    avoid: Collection[str] = (),
    budget: Budget | None = None,
) -> PathsAnswer:
    """The `k` cheapest simple paths of at most `max_steps` moves between two roles.

    `budget`: accepted for the routes; the search spends it on branch `paths`.
    """
    holder = role_holder(snapshot, source)
    answer = k_best_paths_from(
        snapshot,
        holder,
        target,
        k=k,
        max_steps=max_steps,
        only_documented=only_documented,
        avoid=avoid,
    )
    fields = {name: getattr(answer, name) for name in PathsAnswer.model_fields}
    return PathsAnswer(**{**fields, "from_": holder.role})
