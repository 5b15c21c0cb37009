"""Datasets side by side in Neo4j: loading, replacing or removing one never touches another,
and the service serves each under its own version and ETag."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import Settings
from graph.algorithms.links import release
from graph.datafiles import dataset_files
from graph.formats.bundles import to_zip
from graph.formats.importing import export_files, import_bundle, read_path
from graph.models import Dataset, Requirement
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from graph.release import Release
from tests.factories import tiny_dataset
from tests.fixtures.live import serving
from tests.neo4j.conftest import expected_counts, stored_counts

pytestmark = pytest.mark.neo4j

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "csv-catalogue"
KEY = "isolation-secret"


def example(dataset_id: str) -> Dataset:
    return import_bundle(read_path(EXAMPLE), dataset_id=dataset_id).dataset


def changed(dataset: Dataset) -> Dataset:
    """The dataset with one role fewer and another requirement raised."""
    roles = [r for r in dataset.roles if r.code != "QA-1"]
    first = roles[0]
    raised = (Requirement(competence="BUILD.1", levels=(3,)), *first.requirements[1:])
    roles[0] = first.model_copy(update={"requirements": raised})
    return dataset.model_copy(update={"roles": tuple(roles)})


def snapshot_of(
    store: Neo4jStore, driver: Driver, database: str, dataset: str
) -> tuple[object, ...]:
    """What a dataset is in the store: its files byte for byte, links, version, counts."""
    stored = store.load(dataset)
    return (
        dataset_files(stored.dataset),
        stored.links,
        stored.version,
        store.versions()[dataset],
        stored_counts(driver, database, dataset),
    )


@pytest.fixture
def store(seeded_neo4j: Driver, neo4j_database: str) -> Iterator[Neo4jStore]:
    opened = Neo4jStore(seeded_neo4j, database=neo4j_database)
    yield opened
    for dataset in ("iso-a", "iso-b", "iso-c"):
        opened.remove(dataset)


def load(driver: Driver, database: str, *releases: Release) -> None:
    for linked in releases:
        load_release_into_neo4j(driver, linked, database=database)


@pytest.fixture
def two(store: Neo4jStore, seeded_neo4j: Driver, neo4j_database: str) -> tuple[Release, Release]:
    """iso-a (the documented CSV example) and iso-b (a tiny catalogue), loaded beside the seed."""
    a, b = release(example("iso-a")), release(tiny_dataset().model_copy(update={"id": "iso-b"}))
    load(seeded_neo4j, neo4j_database, a, b)
    return a, b


def test_replacing_and_removing_one_dataset_leaves_the_others_byte_for_byte(
    store: Neo4jStore, seeded_neo4j: Driver, neo4j_database: str, two: tuple[Release, Release]
) -> None:
    a, b = two
    for linked in (a, b):
        assert stored_counts(seeded_neo4j, neo4j_database, linked.dataset.id) == expected_counts(
            linked
        )
    untouched = {
        d: snapshot_of(store, seeded_neo4j, neo4j_database, d) for d in ("iso-b", "cigref-2011")
    }
    assert untouched["iso-b"][0] == dataset_files(b.dataset)
    assert untouched["iso-b"][2] == b.version

    replacement = release(changed(a.dataset))
    load(seeded_neo4j, neo4j_database, replacement)
    assert store.load("iso-a").dataset == replacement.dataset
    assert stored_counts(seeded_neo4j, neo4j_database, "iso-a") == expected_counts(replacement)
    for dataset, before in untouched.items():
        assert snapshot_of(store, seeded_neo4j, neo4j_database, dataset) == before

    assert store.remove("iso-a") is True
    assert "iso-a" not in store.versions()
    assert stored_counts(seeded_neo4j, neo4j_database, "iso-a") == {}
    for dataset, before in untouched.items():
        assert snapshot_of(store, seeded_neo4j, neo4j_database, dataset) == before


def test_the_same_codes_in_two_datasets_never_mix(
    store: Neo4jStore, seeded_neo4j: Driver, neo4j_database: str
) -> None:
    # Both use the example's codes (ENG-1, BUILD.1...) with different requirements.
    a = release(example("iso-a"))
    c = release(changed(example("iso-c")))
    load(seeded_neo4j, neo4j_database, a, c)
    assert store.load("iso-a") == a
    assert store.load("iso-c") == c
    assert store.load("iso-a").dataset.roles != store.load("iso-c").dataset.roles


def test_the_service_serves_each_dataset_under_its_own_version_and_etag(
    store: Neo4jStore, two: tuple[Release, Release]
) -> None:
    a, b = two
    settings = Settings(careergraph_api_keys=[f"ops:write:{KEY}"], careergraph_reload_check_s=3600)
    with serving(create_app(settings, store=store)) as url, httpx.Client(base_url=url) as http:
        listed = {d["id"]: d["dataset_version"] for d in http.get("/api/v1/datasets").json()}
        assert (listed["iso-a"], listed["iso-b"]) == (a.version, b.version)
        default = http.get("/api/v1/roles").headers["etag"]
        assert default == f'"{listed["cigref-2011"]}"'
        for linked in (a, b):
            answer = http.get(f"/api/v1/roles?dataset={linked.dataset.id}")
            assert answer.headers["etag"] == f'"{linked.version}"'
            assert {r["code"] for r in answer.json()} == {r.code for r in linked.dataset.roles}
        # One dataset's tag never makes another's answer a 304.
        stale = http.get("/api/v1/roles?dataset=iso-b", headers={"If-None-Match": f'"{a.version}"'})
        assert stale.status_code == 200
        fresh = http.get("/api/v1/roles?dataset=iso-b", headers={"If-None-Match": f'"{b.version}"'})
        assert fresh.status_code == 304

        unknown = http.get("/api/v1/roles?dataset=iso-z")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"] == "application/problem+json"
        assert unknown.json()["type"] == "/problems/unknown-dataset"

        # Replacing, then removing, one through the API: the other's answers stay as they were.
        before_b = http.get("/api/v1/roles?dataset=iso-b")
        new_a = changed(a.dataset)
        upload = to_zip(export_files(new_a, "csv"), "iso-a")
        replaced = http.post(
            "/api/v1/datasets?replace=true",
            content=upload,
            headers={"X-API-Key": KEY, "Content-Type": "application/zip"},
        )
        assert replaced.status_code == 201, replaced.text
        assert replaced.json()["replaced"] is True
        new_version = release(new_a).version
        assert replaced.json()["dataset"]["dataset_version"] == new_version
        assert http.get("/api/v1/roles?dataset=iso-a").headers["etag"] == f'"{new_version}"'
        assert http.delete("/api/v1/datasets/iso-a", headers={"X-API-Key": KEY}).status_code == 204
        assert http.get("/api/v1/roles?dataset=iso-a").status_code == 404
        after_b = http.get("/api/v1/roles?dataset=iso-b")
        assert (after_b.headers["etag"], after_b.json()) == (
            before_b.headers["etag"],
            before_b.json(),
        )
    assert store.load("iso-b") == Release(b.dataset, b.links, b.link_policy)
