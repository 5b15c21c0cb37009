"""An immutable view of one dataset version: indexes and the career graph.

The service answers every question from a Snapshot built once per dataset
version, so requests never touch the store and never see a half-loaded dataset.

Building one only indexes the records by code. What only some questions need is built
on first use and kept: the links by source and by target (next moves, paths, a link's
figures), the entry-level matrix (numpy and scipy, for the questions that rank every
role) and the networkx graph (analysis and the tests' oracles; on O*NET's 21,756 links
its import and build cost about as much as reading the links, and no command pays them
any more). So `careergraph gap` on a big catalogue loads none of them (issue 24, the
CLI's start-up).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

from graph import search
from graph.errors import CompetenceNotFound, InvalidLevel, RoleNotFound
from graph.models import Area, CareerLink, Competence, Dataset, Family, Role, natural_key
from graph.release import Release
from graph.results import RoleRef

if TYPE_CHECKING:
    import networkx as nx

    from graph.algorithms.coverage import EntryLevels


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
    built_at: datetime
    # Codes by their case-folded form: people type "b1" for B1.
    folded: Mapping[str, str] = field(repr=False)

    @classmethod
    def build(cls, release: Release) -> Snapshot:
        """Index a release: the store decides the links, the snapshot only serves them."""
        dataset = release.dataset
        return cls(
            dataset=dataset,
            links=release.links,
            link_policy=release.link_policy,
            version=release.version,
            roles=MappingProxyType({r.code: r for r in dataset.roles}),
            competences=MappingProxyType({c.code: c for c in dataset.competences}),
            families=MappingProxyType({f.code: f for f in dataset.families}),
            areas=MappingProxyType({a.code: a for a in dataset.areas}),
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
        )

    # Built on first use (see the module's docstring). cached_property writes the
    # instance's __dict__, which a frozen dataclass allows, under a lock (Python 3.11).
    @cached_property
    def career(self) -> nx.DiGraph:
        """Role -> role career links as a networkx graph, edge attributes the CareerLink
        fields: for analysis and the tests' oracles (the algorithms walk `links_from` and
        `links_to`, which need no networkx)."""
        import networkx as nx

        career = nx.DiGraph()
        career.add_nodes_from(r.code for r in self.dataset.roles)
        for link in self.links:
            career.add_edge(link.source, link.target, **link.model_dump())
        nx.freeze(career)
        return career

    @cached_property
    def links_from(self) -> Mapping[str, Mapping[str, CareerLink]]:
        """Each role's career links out, by target."""
        return _adjacency((link.source, link.target, link) for link in self.links)

    @cached_property
    def links_to(self) -> Mapping[str, Mapping[str, CareerLink]]:
        """Each role's career links in, by source."""
        return _adjacency((link.target, link.source, link) for link in self.links)

    @cached_property
    def entry_levels(self) -> EntryLevels:
        """Every role's entry levels in natural code order, for ranking all roles at once."""
        from graph.algorithms.coverage import EntryLevels

        return EntryLevels.of(sorted(self.dataset.roles, key=lambda r: natural_key(r.code)))

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
        return self.links_from.get(source, {}).get(target)


def _adjacency(
    ends: Iterable[tuple[str, str, CareerLink]],
) -> Mapping[str, Mapping[str, CareerLink]]:
    """Links by one end, then the other, in the links' order: networkx's adjacency order
    (a later link of the same pair replaces the first in its place, as in `career`)."""
    found: dict[str, dict[str, CareerLink]] = {}
    for at, other, link in ends:
        found.setdefault(at, {})[other] = link
    return MappingProxyType(found)
