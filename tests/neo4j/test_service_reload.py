"""The service follows the stored dataset: reseeding Neo4j changes its answers without a restart."""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import Settings
from graph.models import Requirement
from graph.neo4j_store import Neo4jStore
from seed.io import read_dataset
from seed.load import load_dataset_into_neo4j
from tests.fixtures.live import serving

pytestmark = pytest.mark.neo4j


def test_reseed_is_picked_up(clean_neo4j: Driver, neo4j_database: str) -> None:
    original = read_dataset()
    load_dataset_into_neo4j(clean_neo4j, original, database=neo4j_database)
    store = Neo4jStore(clean_neo4j, database=neo4j_database)
    settings = Settings(careergraph_reload_check_s=0)
    with serving(create_app(settings, store=store)) as url, httpx.Client(base_url=url) as client:
        before = client.get("/api/v1/gap", params={"from": "3.2", "to": "3.4"})
        assert before.json()["dataset_version"] == original.version
        assert client.get("/api/v1/meta").json()["store"] == "neo4j"

        # A new dataset version in which 3.4 needs A5 at e-4 instead of e-3.
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
            for role in original.roles
        )
        changed = original.model_copy(update={"roles": roles})
        load_dataset_into_neo4j(clean_neo4j, changed, database=neo4j_database)

        after = client.get("/api/v1/gap", params={"from": "3.2", "to": "3.4"})
        assert after.json()["dataset_version"] == changed.version != original.version
        assert after.json()["summary"]["level_steps"] == before.json()["summary"]["level_steps"] + 1
        assert after.headers["etag"] != before.headers["etag"]
