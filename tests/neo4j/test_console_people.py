"""The analyst console and people, over real HTTP on a real Neo4j holding a workforce
(issue 23): a console key reads no one, whatever the query's shape; a key with the
`steward` scope too runs the same queries, audited; the library's workforce queries
take no minimum group size below the service's."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import Settings
from graph.neo4j.store import Neo4jStore
from graph.neo4j.workforce import Neo4jWorkforce
from graph.workforce.models import Workforce
from tests.fixtures.live import serving

pytestmark = pytest.mark.neo4j

CONSOLE = {"X-API-Key": "console-secret"}
STEWARD = {"X-API-Key": "steward-secret"}
KEYS = ["bi:console:console-secret", "dpo:console+steward:steward-secret"]
URL = "/api/v1/cypher"

# Queries that read people, one per shape; each refused to CONSOLE, answered to STEWARD.
PEOPLE = [
    ("match-label", "MATCH (p:Person) RETURN p.id, p.unit"),
    (
        "match-has",
        "MATCH (p:Person)-[h:HAS]->(c:Competence) "
        "RETURN p.id, p.unit, c.code, h.level, h.source, h.assessed_on",
    ),
    ("optional-match", "OPTIONAL MATCH (p:Person {dataset: $dataset}) RETURN p LIMIT 5"),
    ("path", "MATCH path = (:Role {code: '3.2'})<-[:HOLDS]-() RETURN path"),
    (
        "untyped-expand",
        "MATCH (c:Competence {code: 'B1'})<-[r]-(x) RETURN labels(x), properties(r)",
    ),
    ("all-nodes-labels", "MATCH (n) RETURN labels(n), n.id LIMIT 50"),
    ("by-id", "MATCH (n) WHERE id(n) IN range(0, 5000) RETURN properties(n)"),
    ("by-element-id", "MATCH (n) WHERE elementId(n) = $element RETURN n"),
    ("all-relationships", "MATCH ()-[r]->() RETURN type(r), r.level, r.assessed_on LIMIT 50"),
    ("degree", "MATCH (c:Competence) RETURN c.code, COUNT { (c)<--() } AS links"),
    ("comprehension", "MATCH (c:Competence) RETURN [(c)<-[x]-(y) | y.id] AS ids"),
    ("var-length", "MATCH (r:Role {code: '3.2'})-[*1..2]-(x) RETURN DISTINCT x.id"),
    ("dynamic-type", "MATCH (c:Competence)<-[:$($type)]-(x) RETURN x.id"),
]
PARAMS = {"element": "4:00000000-0000-0000-0000-000000000000:0", "type": "HAS"}


@pytest.fixture(scope="module")
def people() -> Workforce:
    from graph.datafiles import read_dataset
    from graph.workforce.generate import generate
    from seed import DATA_DIR

    return generate(read_dataset(DATA_DIR), people=60, seed=3)


@pytest.fixture
def service(
    neo4j_workforce: Neo4jWorkforce, seeded_neo4j: Driver, neo4j_database: str, people: Workforce
) -> Iterator[httpx.Client]:
    neo4j_workforce.replace(people)
    settings = Settings(careergraph_api_keys=KEYS, careergraph_reload_check_s=3600)
    store = Neo4jStore(seeded_neo4j, database=neo4j_database)
    with (
        serving(create_app(settings, store=store)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        yield client


def ask(client: httpx.Client, query: str, key: dict[str, str]) -> httpx.Response:
    params = {name: value for name, value in PARAMS.items() if f"${name}" in query}
    return client.post(URL, json={"query": query, "params": params}, headers=key)


@pytest.mark.parametrize(("name", "query"), PEOPLE, ids=[name for name, _ in PEOPLE])
def test_a_console_key_reads_no_one(service: httpx.Client, name: str, query: str) -> None:
    refused = ask(service, query, CONSOLE)
    assert refused.status_code == 403, (name, refused.text)
    assert refused.json()["type"] == "/problems/query-refused"
    assert "personal data" in refused.json()["detail"] and "steward" in refused.json()["detail"]


def test_a_steward_key_runs_them_audited(
    service: httpx.Client, caplog: pytest.LogCaptureFixture, people: Workforce
) -> None:
    ids = {p.id for p in people.people}
    with caplog.at_level(logging.INFO, logger="careergraph.workforce.audit"):
        answers = {name: ask(service, query, STEWARD) for name, query in PEOPLE}
    for name, answer in answers.items():
        assert answer.status_code == 200, (name, answer.text)
    assert {row[0] for row in answers["match-label"].json()["rows"]} == ids
    lines = [r.getMessage() for r in caplog.records if r.name == "careergraph.workforce.audit"]
    assert len(lines) == len(PEOPLE)
    assert all(line.endswith("by key dpo") and "reading people" in line for line in lines)
    assert not any(person in line for line in lines for person in ids)


def test_the_catalogue_stays_open_to_a_console_key(service: httpx.Client) -> None:
    for query in (
        "MATCH (r:Role {dataset: $dataset})-[q:REQUIRES]->(c:Competence) "
        "RETURN r.code, c.code, q.level",
        "CALL db.labels() YIELD label RETURN label",
        "MATCH p = (r:Role {code: '3.2'})-[l:IN_FAMILY]->(f:Family) RETURN p, l",
        "MATCH (c:Competence)<-[:REQUIRES]-(r:Role) RETURN c.code, count(r)",
    ):
        answer = service.post(URL, json={"query": query}, headers=CONSOLE)
        assert answer.status_code == 200, (query, answer.text)
    gap = service.post(
        f"{URL}/library/gap", json={"params": {"source": "3.2", "target": "3.4"}}, headers=CONSOLE
    )
    assert gap.status_code == 200, gap.text


@pytest.mark.parametrize(
    "name",
    [
        "workforce_heatmap",
        "workforce_readiness",
        "workforce_bench",
        "workforce_candidates",
        "workforce_single_points",
    ],
)
def test_the_workforce_library_is_the_stewards(service: httpx.Client, name: str) -> None:
    refused = service.post(f"{URL}/library/{name}", json={"params": {}}, headers=CONSOLE)
    assert refused.status_code == 403 and "personal data" in refused.json()["detail"]


def test_the_library_takes_no_smaller_group_than_the_service(service: httpx.Client) -> None:
    """Before: workforce_heatmap with min_group_size 1 returned every small cell."""
    url = f"{URL}/library/workforce_heatmap"
    for key in (CONSOLE, STEWARD):
        small = service.post(url, json={"params": {"min_group_size": 1}}, headers=key)
        assert small.status_code == 403, small.text
    default = service.post(url, json={"params": {}}, headers=STEWARD).json()
    columns = default["columns"]
    people, suppressed = columns.index("people"), columns.index("suppressed")
    assert default["rows"] and any(row[suppressed] for row in default["rows"])
    assert all(row[people] is None or row[people] >= 5 for row in default["rows"])
    larger = service.post(url, json={"params": {"min_group_size": 8}}, headers=STEWARD)
    assert larger.status_code == 200
