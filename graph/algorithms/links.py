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
from dataclasses import dataclass

from graph.algorithms.gap import GapFigures, figures
from graph.algorithms.holdings import from_role
from graph.models import CareerLink, Dataset, role_sort_key
from graph.release import Release

# Bump when the inferring code changes what it picks: the fingerprint, and through it
# every release version, changes with it.
RULE_VERSION = 1


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


def coverage_matrix(dataset: Dataset) -> dict[tuple[str, str], GapFigures]:
    """Gap figures (entry basis) for every ordered pair of distinct roles."""
    return {
        (a.code, b.code): figures(from_role(a), b)
        for a in dataset.roles
        for b in dataset.roles
        if a.code != b.code
    }


def _ranked_targets(source: str, matrix: dict[tuple[str, str], GapFigures]) -> list[str]:
    """Targets of `source`, most reachable first; ties by fewer steps, then code."""
    targets = [b for (a, b) in matrix if a == source]
    return sorted(
        targets,
        key=lambda b: (
            -matrix[source, b].coverage,
            matrix[source, b].level_steps,
            role_sort_key(b),
        ),
    )


def _inferred_pairs(
    codes: list[str], matrix: dict[tuple[str, str], GapFigures], policy: LinkPolicy
) -> dict[tuple[str, str], str]:
    """Each inferred pair with the rule that chose it, in words."""
    chosen: dict[tuple[str, str], str] = {}
    for source in codes:
        for rank, target in enumerate(_ranked_targets(source, matrix), start=1):
            numbers = matrix[source, target]
            if rank <= policy.top_k:
                chosen[source, target] = f"rank {rank} of {source}'s most reachable roles"
            elif numbers.coverage >= policy.threshold:
                chosen[source, target] = f"coverage at or above {policy.threshold:.0%}"
    for target in codes:
        if not any(b == target for (_, b) in chosen):
            best = min(
                (a for a in codes if a != target),
                key=lambda a: (-matrix[a, target].coverage, matrix[a, target].level_steps),
            )
            chosen[best, target] = f"most reachable way into {target}, which no rule reached"
    return chosen


def career_links(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> list[CareerLink]:
    """Documented links from the seed, then inferred links for pairs not documented."""
    matrix = coverage_matrix(dataset)
    links: dict[tuple[str, str], CareerLink] = {}
    for documented in dataset.links:
        numbers = matrix[documented.source, documented.target]
        links[documented.source, documented.target] = CareerLink(
            source=documented.source,
            target=documented.target,
            kind="documented",
            coverage=numbers.coverage,
            level_steps=numbers.level_steps,
            evidence=f'"{documented.evidence.quote}" (source line {documented.evidence.line})',
        )
    codes = sorted((r.code for r in dataset.roles), key=role_sort_key)
    for (source, target), reason in _inferred_pairs(codes, matrix, policy).items():
        if (source, target) in links:
            continue
        numbers = matrix[source, target]
        links[source, target] = CareerLink(
            source=source,
            target=target,
            kind="inferred",
            coverage=numbers.coverage,
            level_steps=numbers.level_steps,
            evidence=(
                f"covers {numbers.coverage:.0%} of the target's entry levels, "
                f"{numbers.level_steps} level steps to go; {reason}"
            ),
        )
    return sorted(
        links.values(), key=lambda link: (role_sort_key(link.source), role_sort_key(link.target))
    )


def release(dataset: Dataset, *, policy: LinkPolicy = DEFAULT_POLICY) -> Release:
    """`dataset` with its documented and inferred links, versioned with the policy."""
    return Release(dataset, tuple(career_links(dataset, policy=policy)), policy.fingerprint)
