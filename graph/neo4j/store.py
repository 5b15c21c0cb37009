"""The Neo4j store: reads back the release graph/neo4j/seeding.py wrote, links included.

The career links served are the CAREER_LINKs stored, not links recomputed here,
so the service and the analysts' Cypher always agree (graph/release.py).
One driver per process is passed in (or made by `connect`, which then owns it).
Every read is a READ transaction, so a cluster routes it to a reader; names the
database explicitly (no home-database lookup round trip); and carries a
transaction timeout so a stuck server surfaces as StoreUnavailable, not a hang.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TypeVar

from neo4j import Driver, ManagedTransaction, Record, unit_of_work

from graph.cypher import load_query
from graph.datafiles import canonical
from graph.errors import DatasetNotFound
from graph.models import (
    Activity,
    Area,
    CareerLink,
    CareerProfile,
    Competence,
    Dataset,
    DocumentedLink,
    Evidence,
    Family,
    Role,
    Scale,
)
from graph.neo4j.connection import UNAVAILABLE, Neo4jTarget, open_driver, unavailable
from graph.neo4j.seeding import Progress, remove_dataset_from_neo4j, write_release
from graph.release import Release

T = TypeVar("T")


class Neo4jStore:
    kind = "neo4j"

    def __init__(
        self, driver: Driver, *, database: str, timeout_s: float = 10.0, owns_driver: bool = False
    ) -> None:
        self._driver = driver
        self._database = database
        self._timeout_s = timeout_s
        self._owns_driver = owns_driver

    @classmethod
    def connect(cls, target: Neo4jTarget) -> Neo4jStore:
        """A store with its own driver, every wait bounded by the target's timeout."""
        return cls(
            open_driver(target),
            database=target.database,
            timeout_s=target.timeout_s,
            owns_driver=True,
        )

    @property
    def driver(self) -> Driver:
        """The driver, for the analyst console (graph/neo4j/console.py): it runs its own reads."""
        return self._driver

    @property
    def database(self) -> str:
        return self._database

    def versions(self) -> dict[str, str]:
        stamps = self._reading(lambda tx: _rows(tx, "store/datasets"))
        return {str(r["id"]): str(r["version"]) for r in stamps}

    def load(self, dataset: str) -> Release:
        """One dataset's release, read in one transaction so a concurrent reseed cannot mix in.

        Lists come back in canonical order, so the version equals the stamped one.
        """
        return self._reading(lambda tx: _read_release(tx, dataset))

    def save(
        self, release: Release, *, replace: bool = True, progress: Progress | None = None
    ) -> bool:
        """Write the release in one transaction (graph.neo4j.seeding.write_release)."""
        ordered = Release(canonical(release.dataset), release.links, release.link_policy)
        try:
            return write_release(
                self._driver, ordered, database=self._database, replace=replace, progress=progress
            )
        except UNAVAILABLE as error:
            raise unavailable(error) from error

    def invalid(self) -> dict[str, str]:
        """Nothing is left out here: a stored dataset that cannot be read fails its load."""
        return {}

    def remove(self, dataset: str) -> bool:
        try:
            return remove_dataset_from_neo4j(self._driver, dataset, database=self._database)
        except UNAVAILABLE as error:
            raise unavailable(error) from error

    def close(self) -> None:
        if self._owns_driver:
            self._driver.close()

    def _reading(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run `work` in a READ transaction (routed to a reader in a cluster), time-boxed."""
        bounded = unit_of_work(timeout=self._timeout_s)(work)
        try:
            with self._driver.session(database=self._database) as session:
                return session.execute_read(bounded)
        except UNAVAILABLE as error:
            raise unavailable(error) from error


def _rows(tx: ManagedTransaction, name: str, **params: str) -> list[Record]:
    return list(tx.run(load_query(name), params))


def _read_release(tx: ManagedTransaction, dataset_id: str) -> Release:
    def rows(name: str) -> list[Record]:
        return _rows(tx, f"store/{name}", dataset=dataset_id)

    stamp = rows("dataset")
    if not stamp:
        raise DatasetNotFound(dataset_id, [])
    meta = stamp[0]
    dataset = Dataset(
        id=dataset_id,
        name=meta["name"],
        source=meta["source"] or "",
        licence=meta["licence"] or "",
        attribution=meta["attribution"] or "",
        scale=Scale.model_validate_json(meta["scale_json"]),
        families=tuple(Family(**r.data()) for r in rows("families")),
        areas=tuple(Area(**r.data()) for r in rows("areas")),
        competences=tuple(Competence(**r.data()) for r in rows("competences")),
        roles=tuple(_role(r) for r in rows("roles")),
        links=tuple(_documented_link(r) for r in rows("documented_links")),
    )
    links = tuple(CareerLink(**r.data()) for r in rows("career_links"))
    return Release(dataset, links, meta["link_policy"])


def _role(record: Record) -> Role:
    """A Role from the node's properties (see graph.neo4j.seeding.role_properties) and its edges."""
    props = record["role"]
    return Role(
        code=props["code"],
        family=record["family"],
        title=props["title"],
        alt_titles=props.get("alt_titles", ()),
        mission=props.get("mission", ""),
        activities=tuple(Activity(**a) for a in json.loads(props["activities_json"])),
        activities_intro=props.get("activities_intro", ()),
        requirements=record["requirements"],
        deliverables=props.get("deliverables", ()),
        kpis=props.get("kpis", ()),
        career=CareerProfile(
            profile=props["profile"],
            experience=props["experience"],
            note=props.get("career_note"),
            min_experience_years=props.get("min_experience_years"),
        )
        if "profile" in props
        else None,
        trends=props.get("trends", ""),
        career_mentions=props.get("career_mentions", ()),
        source_lines=props.get("source_lines"),
        job_zone=props.get("job_zone"),
    )


def _documented_link(record: Record) -> DocumentedLink:
    return DocumentedLink(
        source=record["source"],
        target=record["target"],
        evidence=Evidence(quote=record["quote"], line=record["line"] or None),
        note=record["note"],
        condition=record["condition"],
    )
