"""Paths: the k best multi-step career paths between two roles (DESIGN.md, "Paths").

Going direct always costs the fewest level steps in total, so a path is worth
showing only because each of its steps is a job a person can hold on the way.
A path therefore follows career links (documented or inferred) and every step
must be WITHIN REACH of everything held before it: its coverage of the next
role's entry levels, from all levels held so far, reaches the link threshold
(`LinkPolicy.threshold`, 60%: the one definition of "within reach" the links use).
Why links and reach both (docs/design.md, "Paths"): the links say which moves are
related (a move to an unrelated role that happens to ask little is no career step),
reach says the person can hold the job; and a link graph keeps the search sparse.
Every answer carries the direct move beside its paths ("learn it directly").

A person keeps what earlier roles taught: a step costs the level steps from
everything held so far to the next role's entry levels, and `merge` raises each
held level to max(held, entry). So a step costs exactly the rise of the sum of
held levels, and a path's cost is

    sum over competences of (highest entry level among the path's roles)
    - sum of the start role's entry levels,

which depends only on the SET of roles visited and can only grow when a role is
added; coverage from what is held can only grow too. Among the paths whose every
step is within reach, paths rank by that cost, then fewer moves, then role codes.

The search is best-first over partial simple paths from the source whose steps
are all within reach, each ranked by
    (cost of its roles plus the target,
     its moves + the fewest moves left to the target,
     its role codes).
No completion of a partial path ranks before it (cost only grows as roles are
added, moves are at least moves + moves left, and a prefix's codes sort before
its extensions'), and a complete path's rank is its answer's sort key. So complete
paths leave the heap in the answer's order, ties included, and the search stops
at the k-th. The fewest moves left come from one breadth-first search backwards
from the target over the usable links (a lower bound: it ignores reach and may
pass through roles already on the path); they also prune every branch that cannot
reach the target within max_steps.

Pruning that keeps the answer exact:
- Two partial paths over the same SET of roles ending at the same role hold the
  same levels, have spent the same and may go on the same ways; the one popped
  first ranks first with every continuation. So once k of them have been popped,
  later ones are dropped: no continuation of theirs can be among the k best.
- Before searching, an over-estimate of what any path holds after m moves (the
  start raised by every role enterable by then, `_enterable`) drops the roles no
  path can enter in time; if the target is never enterable, nothing is searched.
- What the target still misses must fall to the within-reach bound; m more roles
  close at most the m largest closings any role makes from the start (a role closes
  less once more is held). That raises a partial path's moves left beyond the
  links' count (still a lower bound, so the order above holds) and drops the paths
  that cannot close the rest within max_steps.

Bounds: the search can still grow as O(d^L) for d links per role and L =
max_steps when few paths exist (it must rule the rest out). It spends one unit of
its `Budget` per partial path kept (each holds O(L) codes and a reference to its
parent's levels), so memory and time stay within what the caller allows, and it
answers BudgetExceeded naming what to lower ("k or max_steps"). Partial paths kept
on the known worst cases (tools/bench/paths_worst.py): docs/design.md, "Paths".

From a self-assessment, the search starts at a stand-in for the person
(SELF_ASSESSMENT, a code no role has) holding the self-assessed levels, whose
onward moves are the roles `moves.entries` allows (within reach, like any step);
the cost formula and the search are otherwise the same.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, pairwise

from graph.algorithms.coverage import rounded_coverage
from graph.algorithms.gap import GapFigures, competence_ref, figures
from graph.algorithms.holdings import Holdings, from_role, merge, role_holder
from graph.algorithms.links import DEFAULT_POLICY, inferred_evidence, inferred_reason
from graph.algorithms.moves import entries, entry_evidence
from graph.algorithms.path_defaults import DEFAULT_MAX_STEPS, DEFAULT_SLACK
from graph.algorithms.path_defaults import DEFAULT_RULE as DEFAULT_RULE
from graph.budget import Budget, unlimited
from graph.errors import NoPath
from graph.models import CareerLink, LinkKind, NaturalKey, natural_key
from graph.results import (
    CareerPath,
    DirectMove,
    Gain,
    Holder,
    HolderPathsAnswer,
    PathsAnswer,
    Step,
)
from graph.snapshot import Snapshot

# A step is within reach when it covers at least this share of the next role's entry
# levels from all held so far: the links' own threshold, never a second one.
WITHIN_REACH = DEFAULT_POLICY.threshold
# What a request can lower when the search outgrows its budget.
LOWER = "k or max_steps"


# Where a role code would be, this stands for a self-assessed person: no role has it.
SELF_ASSESSMENT = ""


def within_reach(numbers: GapFigures) -> bool:
    return numbers.coverage >= WITHIN_REACH


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


def direct_move(
    snapshot: Snapshot, start: Start, target: str, path_cost: int | None = None
) -> DirectMove:
    """Learning the target's entry levels straight from the start, with no role between.

    Going direct never costs more than a path (module docstring); when it is also within
    reach and costs less than the path beside it (`path_cost`: the best path's, or the
    plan's), the answer says going direct is better: the roles between only add steps.
    """
    numbers = figures(start.held, snapshot.roles[target])
    reach = within_reach(numbers)
    better = reach and path_cost is not None and numbers.level_steps < path_cost
    text = f"learn it directly: {numbers.level_steps} level steps, {numbers.coverage:.0%} covered"
    if better:
        text = (
            f"go direct: it is within reach from here and takes {numbers.level_steps} "
            f"level steps ({numbers.coverage:.0%} covered), fewer than the path's {path_cost}"
        )
    return DirectMove(
        level_steps=numbers.level_steps,
        coverage=numbers.coverage,
        within_reach=reach,
        better=better,
        text=text,
    )


def _move(
    snapshot: Snapshot, start: Start, numbers: GapFigures, first: bool, source: str, target: str
) -> tuple[LinkKind, str, str]:
    """The kind, evidence and condition of a move. An inferred move states the step's own
    `numbers`, from all held so far (not the link's, from its source role alone)."""
    if source == SELF_ASSESSMENT:
        return "inferred", entry_evidence(numbers, start.entries.get(target)), ""
    link = snapshot.link(source, target)
    assert link is not None, "paths only follow existing links"
    if link.kind == "inferred":
        so_far = "" if first else " from all held so far"
        why = inferred_reason(link)
        return link.kind, inferred_evidence(numbers, why, held=so_far), link.condition
    return link.kind, link.evidence, link.condition


def _step(
    snapshot: Snapshot,
    start: Start,
    held: Holdings,
    after: dict[str, int],
    source: str,
    target: str,
) -> Step:
    numbers = figures(held, snapshot.roles[target])
    first = held is start.held
    kind, evidence, condition = _move(snapshot, start, numbers, first, source, target)
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
        cost=numbers.level_steps,
        coverage=numbers.coverage,
        gains=gains,
        evidence=evidence,
        condition=condition,
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

    # The snapshot's links by source and by target, in the links' order.
    out: Mapping[str, Mapping[str, CareerLink]]
    into: Mapping[str, Mapping[str, CareerLink]]
    avoided: frozenset[str]
    only_documented: bool
    entries: tuple[str, ...] = ()

    def successors(self, role: str) -> list[str]:
        if role == SELF_ASSESSMENT:
            return [r for r in self.entries if r not in self.avoided]
        return self._usable(self.out.get(role, {}))

    def predecessors(self, role: str) -> list[str]:
        return self._usable(self.into.get(role, {}))

    def _usable(self, links: Mapping[str, CareerLink]) -> list[str]:
        # Iterating the neighbours' codes alone is several times faster than .items().
        if self.only_documented:
            return [r for r in links if r not in self.avoided and links[r].kind == "documented"]
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


def _moves_from(usable: _Usable, source: str, bound: int) -> dict[str, int]:
    """The fewest usable moves from `source` to each role within `bound` (forward BFS)."""
    moves = {source: 0}
    layer = [source]
    for depth in range(1, bound + 1):
        ahead = []
        for role in layer:
            for after in usable.successors(role):
                if after not in moves:
                    moves[after] = depth
                    ahead.append(after)
        layer = ahead
    return moves


def _rise(held: Mapping[str, int], levels: Mapping[str, int]) -> int:
    """How much the sum of held levels rises on taking a role with entry `levels`."""
    return sum(
        level - have for code, level in levels.items() if level > (have := held.get(code, 0))
    )


def _rise_after(held: Mapping[str, int], role: Mapping[str, int], target: Mapping[str, int]) -> int:
    """`_rise(held merged with role, target)`, without building the merged levels."""
    return sum(
        level - have
        for code, level in target.items()
        if level > (have := max(held.get(code, 0), role.get(code, 0)))
    )


# A partial path in the search: (cost with the target, moves + moves left, role codes,
# level steps spent, roles, levels held before its last role, whose levels are added
# only if the path is popped: siblings share their parent's levels).
_Entry = tuple[int, int, tuple[NaturalKey, ...], int, tuple[str, ...], dict[str, int]]


@dataclass(frozen=True)
class _Query:
    """One search: where it starts and ends, and how far and how many paths it looks."""

    start: Start
    target: str
    k: int
    max_steps: int


def _cheapest(
    snapshot: Snapshot,
    usable: _Usable,
    moves_left: dict[str, int],
    query: _Query,
    budget: Budget,
) -> list[tuple[str, ...]]:
    """The k best simple paths of within-reach steps, at most `max_steps` moves, best first
    (module docstring). One budget unit per partial path kept."""
    source, target, k = query.start.code, query.target, query.k
    entry = cache(
        lambda code: dict(query.start.held) if code == source else from_role(snapshot.roles[code])
    )
    # Within reach when the levels still missing of a role are at most this many.
    most_missing = cache(lambda code: _most_missing(sum(entry(code).values())))
    sort_key = cache(natural_key)
    goal = entry(target)

    @cache
    def onward(role: str) -> list[tuple[int, str]]:
        """Where a path may go next from `role`, fewest moves left first."""
        return sorted((moves_left[r], r) for r in usable.successors(role) if r in moves_left)

    # The target must end within reach: at most `allowed` of its levels still missing.
    # A role closes at most what it closes from the start (less once more is held), so
    # m more roles close at most closable[m], the sum of the m largest such closings;
    # roles still needed after a step raise the moves left beyond the links' count.
    allowed = most_missing(target)
    missing = _rise(entry(source), goal)
    closings = sorted(
        (missing - _rise_after(entry(source), entry(r), goal) for r in moves_left if r != target),
        reverse=True,
    )
    closable = list(accumulate(closings, initial=0))

    def left_after(role: str, still: int) -> int:
        """The fewest moves left after entering `role` with `still` target levels missing."""
        if role == target:
            return 0
        needed = bisect_left(closable, still - allowed)  # len(closable): never enough
        return max(moves_left[role], 1 + needed)

    heap: list[_Entry] = [
        (missing, left_after(source, missing), (sort_key(source),), 0, (source,), {})
    ]
    popped: dict[tuple[str, frozenset[str]], int] = {}
    found: list[tuple[str, ...]] = []
    while heap and len(found) < k:
        _, _, codes, spent, roles, before = heapq.heappop(heap)
        last = roles[-1]
        if last == target:
            found.append(roles)
            continue
        seen = (last, frozenset(roles))
        if (times := popped.get(seen, 0)) >= k:
            continue
        popped[seen] = times + 1
        held = before | {c: n for c, n in entry(last).items() if n > before.get(c, 0)}
        moves = len(roles)  # after one more step
        for left, role in onward(last):
            if moves + left > query.max_steps:
                break
            if role in roles:
                continue
            levels = entry(role)
            rise = _rise(held, levels)
            if rise > most_missing(role):
                continue
            still = _rise_after(held, levels, goal)
            if moves + (ahead := left_after(role, still)) > query.max_steps:
                continue
            budget.spend()
            heapq.heappush(
                heap,
                (
                    spent + rise + still,
                    moves + ahead,
                    (*codes, sort_key(role)),
                    spent + rise,
                    (*roles, role),
                    held,
                ),
            )
    return found


def _most_missing(required: int) -> int:
    """The most level steps a role requiring `required` may still miss and be within
    reach (`within_reach` itself decides, rounding included)."""
    return max(
        steps
        for steps in range(required + 1)
        if within_reach(GapFigures(level_steps=steps, required_steps=required))
    )


def _enterable(snapshot: Snapshot, usable: _Usable, query: _Query) -> dict[str, int]:
    """The earliest move at which each role could be entered within reach, at best.

    An over-estimate of what any path holds: after move m, the start's levels raised
    by every role enterable by move m. A role no path can enter in time, or whose
    target lies too far beyond, is never searched; a target missing here has no path.
    """
    levels = snapshot.entry_levels
    held = dict(query.start.held)
    first = {query.start.code: 0}
    candidates = set(usable.successors(query.start.code))
    for move in range(1, query.max_steps + 1):
        coverage = rounded_coverage(levels.steps_from(held), levels.required)
        entered = [
            r for r in sorted(candidates - first.keys()) if coverage[levels.rows[r]] >= WITHIN_REACH
        ]
        if not entered:
            break
        for role in entered:
            first[role] = move
            held = merge(held, snapshot.roles[role])
            candidates.update(usable.successors(role))
    return first


def _why_none(
    start: str,
    end: str,
    fewest: int | None,
    direct: DirectMove,
    *,
    max_steps: int | None,
    only_documented: bool,
    avoid: Collection[str],
) -> str:
    """Say why there is no path, and what would give one."""
    limits = " using documented links only" if only_documented else ""
    avoided = f" Avoided: {', '.join(sorted(avoid))}." if avoid else ""
    instead = f" Instead, {direct.text}."
    if fewest is None:
        return f"No path from {start} to {end}{limits}.{avoided}{instead}"
    if max_steps is not None and fewest > max_steps:
        return (
            f"No path from {start} to {end} in at most "
            f"{max_steps} moves{limits}; the shortest takes {fewest}: raise max_steps."
            f"{avoided}{instead}"
        )
    return (
        f"No chain of within-reach steps from {start} to {end} in at most {max_steps} "
        f"moves{limits} (each step must cover at least {WITHIN_REACH:.0%} of the next "
        f"role's entry levels from all held so far).{avoided}{instead}"
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
    """The `k` best paths of within-reach steps from a role or a self-assessment;
    NoPath when there is none (saying why, and what going direct takes).

    Without `max_steps`, the bound is `default_max_steps` of the fewest moves needed.
    With `only_documented`, a self-assessment still enters its first role by the
    entry rule: no document states moves from a person. `budget` (None: unlimited)
    bounds the partial paths kept; BudgetExceeded says to lower k or max_steps.
    """
    start, end = start_of(snapshot, holder), snapshot.role(target)
    avoided = frozenset(snapshot.role(code).code for code in avoid) - {start.code, end.code}
    if start.code == end.code:
        raise NoPath(f"The start and {end.code} {end.title} are the same role; nowhere to go.")
    usable = _Usable(
        snapshot.links_from, snapshot.links_to, avoided, only_documented, tuple(start.entries)
    )
    moves_left = _moves_to(usable, end.code)
    fewest = moves_left.get(start.code)
    direct = direct_move(snapshot, start, end.code)
    bound = max_steps
    if fewest is not None and bound is None:
        bound = default_max_steps(fewest)
    found: list[tuple[str, ...]] = []
    if fewest is not None and bound is not None and fewest <= bound:
        query = _Query(start, end.code, k, bound)
        enterable = _enterable(snapshot, usable, query)
        if query.target in enterable:
            if budget is not None:
                budget.lower = LOWER  # the budget is this answer's own
            # Only roles a path could enter in time and still reach the target from.
            in_time = {
                role: left
                for role, left in moves_left.items()
                if enterable.get(role, bound + 1) + left <= bound
            }
            found = _cheapest(snapshot, usable, in_time, query, budget or unlimited())
    if not found:
        raise NoPath(
            _why_none(
                start.name,
                f"{end.code} {end.title}",
                fewest,
                direct,
                max_steps=bound,
                only_documented=only_documented,
                avoid=avoid,
            )
        )
    assert fewest is not None and bound is not None
    paths = [explain_from(snapshot, start, list(roles[1:])) for roles in found]
    return HolderPathsAnswer(
        from_=holder,
        to=snapshot.role_ref(end.code),
        dataset_version=snapshot.version,
        max_steps=bound,
        max_steps_source="default" if max_steps is None else "given",
        fewest_moves=fewest,
        direct=direct_move(snapshot, start, end.code, paths[0].cost),
        paths=paths,
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
    """The `k` best simple paths of within-reach steps, at most `max_steps` moves, between
    two roles (k_best_paths_from)."""
    holder = role_holder(snapshot, source)
    answer = k_best_paths_from(
        snapshot,
        holder,
        target,
        k=k,
        max_steps=max_steps,
        only_documented=only_documented,
        avoid=avoid,
        budget=budget,
    )
    fields = {name: getattr(answer, name) for name in PathsAnswer.model_fields}
    return PathsAnswer(**{**fields, "from_": holder.role})
