"""The service follows the stored release: reseeding Neo4j changes its answers without a
restart, and the links it serves are always the ones Neo4j holds (no stale answer)."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import Settings
from graph.algorithms import links
from graph.algorithms.links import LinkPolicy, release
from graph.datafiles import read_dataset
from graph.models import Dataset, Requirement
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from seed import DATA_DIR
from tests.fixtures.live import serving

pytestmark = pytest.mark.neo4j

# Sparser than the default policy: fewer inferred links, so paths and graph answers differ.
SPARSE = LinkPolicy(top_k=2, threshold=0.8)


def stored_links(driver: Driver, database: str) -> set[tuple[str, str, str]]:
    records = driver.execute_query(
        "MATCH (a:Role)-[l:CAREER_LINK]->(b:Role) RETURN a.code AS a, b.code AS b, l.kind AS k",
        database_=database,
    ).records
    return {(r["a"], r["b"], r["k"]) for r in records}


def served_links(client: httpx.Client) -> set[tuple[str, str, str]]:
    graph = client.get("/api/v1/graph").json()
    return {(k["source"], k["target"], k["kind"]) for k in graph["links"]}


def eventually(check: Callable[[], bool], timeout: float = 30) -> None:
    """Wait for the background refresh to pick a change up (it polls every 0.05 s here)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail("the service did not pick the change up in time")
        time.sleep(0.05)


def with_a5_at_4(dataset: Dataset) -> Dataset:
    """A new dataset version in which 3.4 needs A5 at e-4 instead of e-3."""
    roles = tuple(
        role.model_copy(
            update={
                "requirements": tuple(
                    Requirement(competence="A5", levels=(4,)) if r.competence == "A5" else r
                    for r in role.requirements
                )
            }
        )
        if role.code == "3.4"
        else role
        for role in dataset.roles
    )
    return dataset.model_copy(update={"roles": roles})


def test_reseed_is_picked_up(clean_neo4j: Driver, neo4j_database: str) -> None:
    original = release(read_dataset(DATA_DIR))
    load_release_into_neo4j(clean_neo4j, original, database=neo4j_database)
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    settings = Settings(careergraph_reload_check_s=0)
    with serving(create_app(settings, store=store)) as url, httpx.Client(base_url=url) as client:
        before = client.get("/api/v1/gap", params={"from": "3.2", "to": "3.4"})
        assert before.json()["dataset_version"] == original.version
        assert client.get("/api/v1/meta").json()["store"] == "neo4j"

        changed = release(with_a5_at_4(original.dataset))
        load_release_into_neo4j(clean_neo4j, changed, database=neo4j_database)
        gap = {"from": "3.2", "to": "3.4"}
        eventually(
            lambda: (
                client.get("/api/v1/gap", params=gap).json()["dataset_version"] == changed.version
            )
        )

        after = client.get("/api/v1/gap", params=gap)
        assert after.json()["dataset_version"] == changed.version != original.version
        assert after.json()["summary"]["level_steps"] == before.json()["summary"]["level_steps"] + 1
        assert after.headers["etag"] != before.headers["etag"]


def test_a_changed_link_policy_never_gives_a_stale_answer(
    clean_neo4j: Driver, neo4j_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dataset = read_dataset(DATA_DIR)
    default = release(dataset)
    sparse = release(dataset, policy=SPARSE)
    assert default.links != sparse.links and default.version != sparse.version
    load_release_into_neo4j(clean_neo4j, default, database=neo4j_database)
    # The code's policy changes under a running service: it keeps serving what Neo4j holds.
    monkeypatch.setattr(links, "DEFAULT_POLICY", SPARSE)
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    settings = Settings(careergraph_reload_check_s=0)
    with serving(create_app(settings, store=store)) as url, httpx.Client(base_url=url) as client:
        assert served_links(client) == stored_links(clean_neo4j, neo4j_database)
        ready = client.get("/ready").json()
        assert ready["link_policy"] == default.link_policy
        assert ready["link_policy_current"] is False
        tag = client.get("/api/v1/graph").headers["etag"]

        load_release_into_neo4j(clean_neo4j, sparse, database=neo4j_database)
        eventually(lambda: served_links(client) == stored_links(clean_neo4j, neo4j_database))
        assert served_links(client) == {(k.source, k.target, k.kind) for k in sparse.links}
        assert client.get("/api/v1/graph").headers["etag"] == f'"{sparse.version}"' != tag
        assert client.get("/ready").json()["link_policy_current"] is True
        served = served_links(client)
        steps = [
            (step["from"], step["to"], step["kind"])
            for source, target in (("1.3", "7.2"), ("7.5", "3.5"), ("3.2", "3.4"), ("3.2", "2.3"))
            for path in client.get("/api/v1/paths", params={"from": source, "to": target})
            .json()
            .get("paths", [])  # or a no-path problem
            for step in path["steps"]
        ]
        assert steps and all(step in served for step in steps)
