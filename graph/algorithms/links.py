"""Career links: the moves the source states, plus the moves the data makes plausible.

The inferred rule (docs/design.md, "Career links"): for each role A, its `top_k` most
reachable roles B by coverage(A -> B), plus every B whose coverage reaches
`threshold`. Coverage alone would leave junior roles, which require few
competences at low levels, with no move at all; the top-k part guarantees every
role a way forward. A role that no rule reaches still gets its single most
reachable predecessor, so every role has a way in too.

Calibration (real seed: 33 roles, 8 documented links; tools/bench/links_calibration.py):
top_k=4, threshold=0.6 gives 207 links, 4 to 19 out of each role (median 5), every
ordered pair of roles reachable, 887 of 1056 pairs within 4 moves, 9 moves at most.
top_k=3 reaches every pair only thanks to the documented links; threshold 0.5 adds
80 links (many from senior roles "down" to junior ones) for 115 more pairs within 4.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from graph.algorithms.coverage import (
    NEVER,
    STEPS_SHIFT,
    EntryLevels,
    Floats,
    Ints,
    rank_keys,
    rounded_coverage,
    smallest,
)
from graph.algorithms.gap import figures
from graph.algorithms.holdings import from_role
from graph.models import CareerLink, Dataset, DocumentedLink, LinkKind, Role, natural_key
from graph.release import Release

# Bump when the inferring code changes what it picks: the fingerprint, and through it
# every release version, changes with it.
RULE_VERSION = 1

# Cells per block of source rows: bounds memory to ~100 MB whatever the catalogue size.
BLOCK_CELLS = 1 << 22


@dataclass(frozen=True)
class LinkPolicy:
    """The one place the inferred-link settings live."""

    top_k: int = 4
    threshold: float = 0.6

    @property
    def fingerprint(self) -> str:
        """What identifies the links this policy infers: rule version and settings."""
        settings = f"rule={RULE_VERSION};top_k={self.top_k};threshold={self.threshold!r}"
        return hashlib.sha256(settings.encode()).hexdigest()[:12]


DEFAULT_POLICY = LinkPolicy()


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
    links = {
        (d.source, d.target): _link(
            by_code, d.source, d.target, "documented", _quote(d)
        ).model_copy(update={"condition": d.condition})
        for d in dataset.links
    }
    for (source, target), reason in _inferred_pairs(roles, policy).items():
        if (source, target) not in links:
            links[source, target] = _link(by_code, source, target, "inferred", reason)
    return sorted(
        links.values(), key=lambda link: (natural_key(link.source), natural_key(link.target))
    )


def _quote(documented: DocumentedLink) -> str:
    return f'"{documented.evidence.quote}" (source line {documented.evidence.line})'


def _link(
    by_code: dict[str, Role], source: str, target: str, kind: LinkKind, why: str
) -> CareerLink:
    numbers = figures(from_role(by_code[source]), by_code[target])
    evidence = why
    if kind == "inferred":
        evidence = (
            f"covers {numbers.coverage:.0%} of the target's entry levels, "
            f"{numbers.level_steps} level steps to go; {why}"
        )
    return CareerLink(
        source=source,
        target=target,
        kind=kind,
        coverage=numbers.coverage,
        level_steps=numbers.level_steps,
        evidence=evidence,
    )


def _inferred_pairs(roles: list[Role], policy: LinkPolicy) -> dict[tuple[str, str], str]:
    """Each inferred pair (in code order) with the rule that chose it, in words."""
    codes = [r.code for r in roles]
    chosen: dict[tuple[int, int], str] = {}
    best_in = np.full(len(roles), NEVER, dtype=np.int64)
    for rows, steps, coverage in _coverage_blocks(roles):
        keys = rank_keys(coverage, steps, np.arange(len(roles), dtype=np.int64)[None, :])
        keys[np.arange(len(rows)), rows] = NEVER  # no move to oneself
        for offset, source in enumerate(rows.tolist()):
            ranked = smallest(keys[offset], policy.top_k)
            for rank, target in enumerate(ranked, start=1):
                chosen[source, target] = f"rank {rank} of {codes[source]}'s most reachable roles"
            for target in np.flatnonzero(coverage[offset] >= policy.threshold).tolist():
                if target != source and (source, target) not in chosen:
                    chosen[source, target] = f"coverage at or above {policy.threshold:.0%}"
        # The way in: each target's most reachable source (ties by source order).
        sources = rank_keys(coverage, steps, rows[:, None])
        sources[np.arange(len(rows)), rows] = NEVER
        best_in = np.minimum(best_in, sources.min(axis=0))
    reached = {target for _, target in chosen}
    step_mask = (1 << STEPS_SHIFT) - 1
    for target in range(len(roles)):
        if target not in reached and best_in[target] != NEVER:
            source = int(best_in[target] & step_mask)
            chosen[source, target] = (
                f"most reachable way into {codes[target]}, which no rule reached"
            )
    return {(codes[a], codes[b]): why for (a, b), why in sorted(chosen.items())}


def _coverage_blocks(roles: list[Role]) -> Iterator[tuple[Ints, Ints, Floats]]:
    """(source rows, level steps, rounded coverage) towards every role, a block at a time."""
    levels = EntryLevels.of(roles)
    entry, required = levels.matrix, levels.required
    top = int(entry.max()) if entry.nnz else 0
    at_least = [(entry >= t).astype(np.int64) for t in range(1, top + 1)]
    transposed = [m.T.tocsr() for m in at_least]
    block = max(1, BLOCK_CELLS // max(1, len(roles)))
    for start in range(0, len(roles), block):
        rows = np.arange(start, min(start + block, len(roles)), dtype=np.int64)
        overlap = np.zeros((len(rows), len(roles)), dtype=np.int64)
        for m, t in zip(at_least, transposed, strict=True):
            overlap += (m[start : start + len(rows)] @ t).toarray()
        steps = required[None, :] - overlap
        yield rows, steps, rounded_coverage(steps, required[None, :])


def release(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> Release:
    """`dataset` with its documented and inferred links, versioned with the policy."""
    return Release(dataset, tuple(career_links(dataset, policy=policy)), policy.fingerprint)
