"""An immutable view of one dataset version: indexes and the career graph.

The service answers every question from a Snapshot built once per dataset
version, so requests never touch the store and never see a half-loaded dataset.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType

import networkx as nx

from graph import search
from graph.algorithms.coverage import EntryLevels
from graph.errors import CompetenceNotFound, InvalidLevel, RoleNotFound
from graph.models import Area, CareerLink, Competence, Dataset, Family, Role, natural_key
from graph.release import Release
from graph.results import RoleRef


@dataclass(frozen=True)
class Snapshot:
    dataset: Dataset
    links: tuple[CareerLink, ...]
    link_policy: str
    version: str
    roles: Mapping[str, Role]
    competences: Mapping[str, Competence]
    families: Mapping[str, Family]
    areas: Mapping[str, Area]
    # Role -> role career links; edge attributes are the CareerLink fields.
    career: nx.DiGraph = field(repr=False)
    built_at: datetime
    # Codes by their case-folded form: people type "b1" for B1.
    folded: Mapping[str, str] = field(repr=False)
    # Every role's entry levels in natural code order, for ranking all roles at once.
    entry_levels: EntryLevels = field(repr=False)

    @classmethod
    def build(cls, release: Release) -> Snapshot:
        """Index a release: the store decides the links, the snapshot only serves them."""
        dataset = release.dataset
        career = nx.DiGraph()
        career.add_nodes_from(r.code for r in dataset.roles)
        for link in release.links:
            career.add_edge(link.source, link.target, **link.model_dump())
        nx.freeze(career)
        return cls(
            dataset=dataset,
            links=release.links,
            link_policy=release.link_policy,
            version=release.version,
            roles=MappingProxyType({r.code: r for r in dataset.roles}),
            competences=MappingProxyType({c.code: c for c in dataset.competences}),
            families=MappingProxyType({f.code: f for f in dataset.families}),
            areas=MappingProxyType({a.code: a for a in dataset.areas}),
            career=career,
            built_at=datetime.now(UTC),
            folded=MappingProxyType(
                {
                    c.casefold(): c
                    for c in (
                        *(r.code for r in dataset.roles),
                        *(c.code for c in dataset.competences),
                    )
                }
            ),
            entry_levels=EntryLevels.of(sorted(dataset.roles, key=lambda r: natural_key(r.code))),
        )

    @property
    def id(self) -> str:
        return self.dataset.id

    def _known(self, code: str) -> str:
        """`code` as stored: exact, else the same ignoring case."""
        code = code.strip()
        return (
            code
            if code in self.roles or code in self.competences
            else self.folded.get(code.casefold(), code)
        )

    def role(self, code: str) -> Role:
        """The role `code`, or RoleNotFound naming the nearest roles."""
        role = self.roles.get(self._known(code))
        if role is None:
            names = {c: [r.title, *r.alt_titles] for c, r in self.roles.items()}
            titles = {c: r.title for c, r in self.roles.items()}
            raise RoleNotFound(code, search.nearest(code, names, titles))
        return role

    def role_ref(self, code: str) -> RoleRef:
        return RoleRef(code=code, title=self.role(code).title)

    def competence(self, code: str) -> Competence:
        """The competence `code` (case-insensitive), or CompetenceNotFound with suggestions."""
        competence = self.competences.get(self._known(code))
        if competence is None:
            names = {c: [k.title] for c, k in self.competences.items()}
            titles = {c: k.title for c, k in self.competences.items()}
            raise CompetenceNotFound(code, search.nearest(code, names, titles))
        return competence

    def level_label(self, level: int) -> str:
        """A level as people read it (e-3), or the bare number outside the scale."""
        scale = self.dataset.scale
        return scale.label(level) if 1 <= level <= scale.top else str(level)

    def check_level(self, code: str, level: int) -> None:
        """Raise InvalidLevel unless the framework defines `level` for competence `code`."""
        competence = self.competence(code)
        if level not in competence.applicable_levels:
            raise InvalidLevel(
                competence.code, level, competence.applicable_levels, self.level_label
            )

    def link(self, source: str, target: str) -> CareerLink | None:
        data = self.career.get_edge_data(source, target)
        return None if data is None else CareerLink(**data)
