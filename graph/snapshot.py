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
from graph.errors import CompetenceNotFound, InvalidLevel, RoleNotFound
from graph.models import CareerLink, Competence, Dataset, Family, Role
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
    families: Mapping[int, Family]
    # Role -> role career links; edge attributes are the CareerLink fields.
    career: nx.DiGraph = field(repr=False)
    built_at: datetime

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
            families=MappingProxyType({f.number: f for f in dataset.families}),
            career=career,
            built_at=datetime.now(UTC),
        )

    def role(self, code: str) -> Role:
        """The role `code`, or RoleNotFound naming the nearest roles."""
        role = self.roles.get(code.strip())
        if role is None:
            names = {c: [r.title, *r.alt_titles] for c, r in self.roles.items()}
            titles = {c: r.title for c, r in self.roles.items()}
            raise RoleNotFound(code, search.nearest(code, names, titles))
        return role

    def role_ref(self, code: str) -> RoleRef:
        return RoleRef(code=code, title=self.role(code).title)

    def competence(self, code: str) -> Competence:
        """The competence `code` (case-insensitive), or CompetenceNotFound with suggestions."""
        competence = self.competences.get(code.strip().upper())
        if competence is None:
            names = {c: [k.title] for c, k in self.competences.items()}
            titles = {c: k.title for c, k in self.competences.items()}
            raise CompetenceNotFound(code, search.nearest(code, names, titles))
        return competence

    def check_level(self, code: str, level: int) -> None:
        """Raise InvalidLevel unless the e-CF defines `level` for competence `code`."""
        competence = self.competence(code)
        if level not in competence.applicable_levels:
            raise InvalidLevel(competence.code, level, competence.applicable_levels)

    def link(self, source: str, target: str) -> CareerLink | None:
        data = self.career.get_edge_data(source, target)
        return None if data is None else CareerLink(**data)
