"""The workforce as arrays: one row per person, one column per competence.

Built once per (dataset version, workforce version); every answer of graph/workforce is
computed from it with numpy. `holdings[p, c]` is person p's level of competence c
(docs/design.md, "Holdings of a person"); `entry[r, c]` is role r's entry level for c (0
when r does not require c). Roles and competences are in natural order, people in id
order, units in text order. References the dataset no longer has are left out and
listed in `stale` (graph/workforce/stale.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from graph.algorithms.gap import GapFigures
from graph.models import natural_key
from graph.snapshot import Snapshot
from graph.workforce.models import PersonRow, Workforce, person_rows
from graph.workforce.stale import StalePerson, stale_rows

Levels = npt.NDArray[np.int8]
Counts = npt.NDArray[np.int32]
Floats = npt.NDArray[np.float64]
NONE = -1  # no unit, no (known) role


@dataclass(frozen=True)
class RoleScores:
    """Every person's gap to one role: level steps and readiness (the gap's coverage)."""

    level_steps: Counts
    readiness: Floats


@dataclass(frozen=True, eq=False)
class WorkforceIndex:
    snapshot: Snapshot
    workforce_version: str
    ids: tuple[str, ...]
    units: tuple[str, ...]
    unit_of: Counts  # unit index per person, NONE without one
    roles: tuple[str, ...]
    competences: tuple[str, ...]
    role_of: Counts  # role index per person, NONE without a (known) role
    entry: Levels  # roles x competences
    holdings: Levels  # people x competences
    stale: tuple[StalePerson, ...]
    position: dict[str, int] = field(repr=False)

    @classmethod
    def build(cls, snapshot: Snapshot, workforce: Workforce, version: str) -> WorkforceIndex:
        return cls.of_rows(snapshot, person_rows(workforce.people), version)

    @classmethod
    def of_rows(
        cls, snapshot: Snapshot, people: Sequence[PersonRow], version: str
    ) -> WorkforceIndex:
        """The index of `people`, in id order (a store's rows, read without building a
        Person per person: graph/workforce/store.py `rows`)."""
        roles = tuple(sorted(snapshot.roles, key=natural_key))
        competences = tuple(sorted(snapshot.competences, key=natural_key))
        role_at = {code: i for i, code in enumerate(roles)}
        column = {code: i for i, code in enumerate(competences)}
        entry = np.zeros((len(roles), len(competences)), dtype=np.int8)
        for r, code in enumerate(roles):
            for requirement in snapshot.roles[code].requirements:
                entry[r, column[requirement.competence]] = requirement.level
        units = tuple(sorted({p.unit for p in people if p.unit is not None}))
        unit_at = {unit: i for i, unit in enumerate(units)}
        unit_of = np.array([unit_at.get(p.unit or "", NONE) for p in people], dtype=np.int32)
        role_of = np.array([role_at.get(p.role or "", NONE) for p in people], dtype=np.int32)
        holdings = np.zeros((len(people), len(competences)), dtype=np.int8)
        held = role_of != NONE
        holdings[held] = entry[role_of[held]]
        # Assessed levels over the role's, in one assignment (700,000 for 100,000 people);
        # a competence the dataset no longer has (NONE) is left out.
        assessed = np.repeat(np.arange(len(people)), [len(p.competences) for p in people])
        at = np.array([column.get(c, NONE) for p in people for c in p.competences], dtype=np.int32)
        levels = np.array([level for p in people for level in p.levels], dtype=np.int8)
        known = at != NONE
        holdings[assessed[known], at[known]] = levels[known]
        ids = tuple(p.id for p in people)
        return cls(
            snapshot=snapshot,
            workforce_version=version,
            ids=ids,
            units=units,
            unit_of=unit_of,
            roles=roles,
            competences=competences,
            role_of=role_of,
            entry=entry,
            holdings=holdings,
            stale=tuple(stale_rows(people, snapshot.dataset)),
            position={id_: row for row, id_ in enumerate(ids)},
        )

    @property
    def dataset_version(self) -> str:
        return self.snapshot.version

    @property
    def size(self) -> int:
        return len(self.ids)

    def role_index(self, code: str) -> int:
        """The index of role `code` (RoleNotFound with suggestions when unknown)."""
        return self.roles.index(self.snapshot.role(code).code)

    def competence_index(self, code: str) -> int:
        return self.competences.index(self.snapshot.competence(code).code)

    @cached_property
    def required_steps(self) -> Counts:
        """Per role: the sum of its entry levels."""
        return self.entry.sum(axis=1, dtype=np.int32)

    @cached_property
    def _coverage(self) -> tuple[Floats, ...]:
        """Per role, readiness by level steps: GapFigures' own rounding, looked up exactly."""
        return tuple(
            np.array([GapFigures(s, int(q)).coverage for s in range(int(q) + 1)])
            for q in self.required_steps
        )

    def scores(self, role: int, holdings: Levels | None = None) -> RoleScores:
        """Level steps and readiness of every person (or of `holdings`' rows) for `role`."""
        held = self.holdings if holdings is None else holdings
        required = np.flatnonzero(self.entry[role])
        need = self.entry[role, required].astype(np.int32)
        steps = np.maximum(need - held[:, required], 0).sum(axis=1, dtype=np.int32)
        return RoleScores(steps, self._coverage[role][steps])

    def nbytes(self) -> int:
        """Memory the index holds: its arrays, the ids and their lookup (the snapshot aside)."""
        arrays = (self.unit_of, self.role_of, self.entry, self.holdings)
        strings = sum(sys.getsizeof(s) for s in (*self.ids, *self.units))
        containers = sys.getsizeof(self.ids) + sys.getsizeof(self.position)
        return sum(a.nbytes for a in arrays) + strings + containers
