"""Compare: two to four target roles side by side from one holder (docs/design.md, "Compare")."""

from __future__ import annotations

from collections.abc import Sequence

from graph.algorithms.gap import competence_ref, gap
from graph.algorithms.links import DEFAULT_POLICY
from graph.budget import Budget, unlimited
from graph.models import natural_key
from graph.results import (
    Basis,
    ComparedCompetence,
    ComparedTarget,
    Comparison,
    GapReport,
    Holder,
)
from graph.snapshot import Snapshot


def _target(snapshot: Snapshot, holder: Holder, report: GapReport) -> ComparedTarget:
    link = snapshot.link(holder.role.code, report.to.code) if holder.role else None
    return ComparedTarget(
        role=report.to,
        summary=report.summary,
        within_reach=report.summary.coverage >= DEFAULT_POLICY.threshold,
        documented=link is not None and link.kind == "documented",
    )


def compare(
    snapshot: Snapshot,
    holder: Holder,
    targets: Sequence[str],
    *,
    basis: Basis = "entry",
    budget: Budget | None = None,
) -> Comparison:
    """Each target's gap summary, and every competence they require with each one's need.

    `budget` (default: unlimited) counts a unit per target and per competence it requires.
    """
    budget = budget or unlimited()
    reports = []
    for target in targets:
        reports.append(report := gap(snapshot, holder, target, basis=basis))
        budget.spend(1 + len(report.items))
    needs: dict[str, list[int]] = {}
    for column, report in enumerate(reports):
        for item in report.items:
            needs.setdefault(item.competence.code, [0] * len(reports))[column] = item.need
    rows = []
    for code, wanted in needs.items():
        have = holder.holdings.get(code, 0)
        rows.append(
            ComparedCompetence(
                competence=competence_ref(snapshot.competences[code]),
                have=have,
                needs=wanted,
                open_for=sum(need > have for need in wanted),
            )
        )
    rows.sort(key=lambda row: (-row.open_for, natural_key(row.competence.code)))
    return Comparison(
        from_=holder,
        basis=basis,
        dataset_version=snapshot.version,
        targets=[_target(snapshot, holder, report) for report in reports],
        competences=rows,
        shared_level_steps=sum(max(0, min(row.needs) - row.have) for row in rows),
    )
