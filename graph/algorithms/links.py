"""Career links: the moves the source states, plus the moves the data makes plausible.

The inferred rule (docs/recommendations.md, "Career links"): from each role A, its
k most related roles B (graph.algorithms.similarity) among those that are not a
step down from A (graph.algorithms.direction); ties by fewer level steps, then code.
A role with no such target (the most senior ones) takes its k most related in
any direction, so every role has a way out; a role that no rule reaches gets its single
most related source, so every role has a way in. A fixed k keeps the graph sparse at
any size: k + a few links at most out of each role, 900 or 3,000 roles alike.

Calibration (`careergraph eval`, tools/bench/links_calibration.py): k = 23, but at most
a quarter of the other roles (8 on the seed's 33). Against O*NET's Related Occupations,
k = 23 is the largest k whose links keep a precision of 0.40 (0.417; recall 0.503); on
the seed, 8 finds 64% of the stated moves where 4 found 45%. The figures are in
docs/recommendations.md. `threshold` is not a link rule any more: it is the coverage at
which a role counts as within reach (unlocks, compare).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from graph.algorithms.coverage import (
    NEVER,
    STEPS_SHIFT,
    EntryLevels,
    Ints,
    rank_keys,
    round_like_python,
    smallest,
)
from graph.algorithms.direction import DOWN, directions
from graph.algorithms.gap import GapFigures, figures
from graph.algorithms.holdings import from_role
from graph.algorithms.link_policy import DEFAULT_POLICY, LinkPolicy
from graph.algorithms.similarity import Relatedness
from graph.models import CareerLink, Dataset, DocumentedLink, LinkKind, Role, natural_key
from graph.release import Release

# The policy (k, share, threshold) and RULE_VERSION live in graph.algorithms.link_policy,
# which reading a stored release needs without this module's numpy and scipy: bump
# RULE_VERSION there when the code here changes what it picks.

# Cells per block of source rows: bounds memory to ~100 MB whatever the catalogue size.
BLOCK_CELLS = 1 << 22


def career_links(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> list[CareerLink]:
    """Documented links from the data, then inferred links for pairs not documented.

    Coverage for every ordered pair comes from sparse products: with E the roles x
    competences matrix of entry levels, the levels a holder of A already has towards B
    sum to sum over t of [E_A >= t][E_B >= t], so level steps = B's required steps -
    that overlap. Source rows go in blocks, so memory stays bounded at any size.
    Time O(n^2 * levels) cheap integer products plus O(n^2) ranking in numpy.
    """
    roles = sorted(dataset.roles, key=lambda r: natural_key(r.code))
    by_code = {r.code: r for r in roles}
    links = {(d.source, d.target): _documented_link(by_code, d) for d in dataset.links}
    for (source, target), (reason, numbers) in _inferred_pairs(roles, policy).items():
        if (source, target) not in links:
            links[source, target] = _inferred_link(source, target, reason, numbers)
    return sorted(
        links.values(), key=lambda link: (natural_key(link.source), natural_key(link.target))
    )


def _documented_link(by_code: dict[str, Role], documented: DocumentedLink) -> CareerLink:
    numbers = figures(from_role(by_code[documented.source]), by_code[documented.target])
    quote = f'"{documented.evidence.quote}" (source line {documented.evidence.line})'
    link = _link(documented.source, documented.target, "documented", numbers, quote)
    return link.model_copy(update={"condition": documented.condition})


def _inferred_link(source: str, target: str, why: str, numbers: GapFigures) -> CareerLink:
    return _link(source, target, "inferred", numbers, inferred_evidence(numbers, why))


# Between an inferred link's figures and the rule that chose it, in its evidence.
REASON_AFTER = "; "


def inferred_evidence(numbers: GapFigures, why: str, *, held: str = "") -> str:
    """An inferred move's evidence: its figures (from what is `held`: the source role's
    levels unless said), then the rule that chose it. Paths restate a link's figures
    from all held so far, so the words beside a step say the step's own figures."""
    figures_text = (
        f"covers {numbers.coverage:.0%} of the target's entry levels{held}, "
        f"{numbers.level_steps} level steps to go"
    )
    return f"{figures_text}{REASON_AFTER}{why}" if why else figures_text


def ranked_reason(rank: int, source: str) -> str:
    """Why the rule chose a move, in words: "2nd most related role to 1.3"."""
    return f"{ordinal(rank)} most related role to {source}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def inferred_reason(link: CareerLink) -> str:
    """The rule that chose an inferred link, without its figures."""
    return link.evidence.partition(REASON_AFTER)[2]


def _link(
    source: str, target: str, kind: LinkKind, numbers: GapFigures, evidence: str
) -> CareerLink:
    return CareerLink(
        source=source,
        target=target,
        kind=kind,
        coverage=numbers.coverage,
        level_steps=numbers.level_steps,
        evidence=evidence,
    )


# (source, target) in code order -> (the rule that chose it, in words; its gap figures)
Inferred = dict[tuple[str, str], tuple[str, GapFigures]]


def _inferred_pairs(roles: list[Role], policy: LinkPolicy) -> Inferred:
    """Each inferred pair (in code order) with the rule that chose it and its figures: the
    level steps of the blocks (the required steps are the target's), so no pair's gap is
    computed twice (at 30,000 roles that was 690,000 gaps)."""
    codes = [r.code for r in roles]
    related = Relatedness.of(roles)
    masses = related.levels.required
    zones = np.array([r.job_zone or 0 for r in roles], dtype=np.int64)
    order = np.arange(len(roles), dtype=np.int64)
    k = policy.k_for(len(roles))
    chosen: dict[tuple[int, int], tuple[str, int]] = {}  # -> (why, level steps)
    best_in = np.full(len(roles), NEVER, dtype=np.int64)
    best_in_steps = np.zeros(len(roles), dtype=np.int64)  # of each target's best way in
    for rows, steps in _coverage_blocks(related.levels):
        relatedness = round_like_python(related.block(rows.tolist()))
        keys = rank_keys(relatedness, steps, order[None, :])
        keys[np.arange(len(rows)), rows] = NEVER  # no move to oneself
        for offset, source in enumerate(rows.tolist()):
            going = directions(int(masses[source]), roles[source].job_zone, masses, zones)
            onward = np.where(going != DOWN, keys[offset], NEVER)
            ranked = smallest(onward, k) or smallest(keys[offset], k)
            for rank, target in enumerate(ranked, start=1):
                why = ranked_reason(rank, codes[source])
                chosen[source, target] = (why, int(steps[offset, target]))
        # The way in: each target's most related source (ties by fewer steps, source order).
        sources = rank_keys(relatedness, steps, rows[:, None])
        sources[np.arange(len(rows)), rows] = NEVER
        block_best = sources.min(axis=0)
        better = block_best < best_in
        best_in_steps[better] = steps[sources.argmin(axis=0)[better], better]
        best_in = np.where(better, block_best, best_in)
    reached = {target for _, target in chosen}
    step_mask = (1 << STEPS_SHIFT) - 1
    for target in range(len(roles)):
        if target not in reached and best_in[target] != NEVER:
            source = int(best_in[target] & step_mask)
            why = f"the most related way into {codes[target]}, which no other link reaches"
            chosen[source, target] = (why, int(best_in_steps[target]))
    return {
        (codes[a], codes[b]): (why, GapFigures(level_steps=steps, required_steps=int(masses[b])))
        for (a, b), (why, steps) in sorted(chosen.items())
    }


def _coverage_blocks(levels: EntryLevels) -> Iterator[tuple[Ints, Ints]]:
    """(source rows, level steps towards every role), a block at a time."""
    roles, entry, required = levels.codes, levels.matrix, levels.required
    top = int(entry.max()) if entry.nnz else 0
    at_least = [(entry >= t).astype(np.int64) for t in range(1, top + 1)]
    transposed = [m.T.tocsr() for m in at_least]
    block = max(1, BLOCK_CELLS // max(1, len(roles)))
    for start in range(0, len(roles), block):
        rows = np.arange(start, min(start + block, len(roles)), dtype=np.int64)
        overlap = np.zeros((len(rows), len(roles)), dtype=np.int64)
        for m, t in zip(at_least, transposed, strict=True):
            overlap += (m[start : start + len(rows)] @ t).toarray()
        yield rows, required[None, :] - overlap


def release(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> Release:
    """`dataset` with its documented and inferred links, versioned with the policy."""
    return Release(dataset, tuple(career_links(dataset, policy=policy)), policy.fingerprint)
