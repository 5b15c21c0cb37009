"""POST /api/v1/cypher over real HTTP against a real, seeded Neo4j.

Hostile queries are refused with 403 and leave the database exactly as it was;
limits are enforced by the server; keys open the console; the library runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import Settings
from graph.algorithms.links import release
from graph.cypher import CYPHER_DIR, load_query
from graph.datafiles import read_dataset
from graph.embedded import EmbeddedStore
from graph.neo4j.library import library
from graph.neo4j.seeding import load_release_into_neo4j
from graph.neo4j.store import Neo4jStore
from seed import DATA_DIR
from tests.fixtures.live import serving
from tests.neo4j.conftest import store_people_for

pytestmark = pytest.mark.neo4j

KEYS = ["analyst-key-one", "analyst-key-two"]
# The workforce library reads people: a key with the steward scope too (docs/workforce.md).
STEWARD_KEY = "dpo:console+steward:steward-key"
STEWARD = {"X-API-Key": "steward-key"}
URL = "/api/v1/cypher"

# (id, query, what the 403 says). Each must be refused and change nothing.
HOSTILE = [
    ("create", "CREATE (:Hostile {at: 'create'})", "writes"),
    ("merge", "MERGE (:Hostile {at: 'merge'})", "writes"),
    ("set", "MATCH (r:Role {code: '3.2'}) SET r.title = 'Hacked'", "writes"),
    ("delete", "MATCH (d:Dataset) DELETE d", "writes"),
    ("detach-delete", "MATCH (n) DETACH DELETE n", "writes"),
    ("remove", "MATCH (r:Role) REMOVE r.mission", "writes"),
    ("drop-constraint", "DROP CONSTRAINT role_code", "schema or administration"),
    (
        "create-index",
        "CREATE INDEX hostile FOR (r:Role) ON (r.mission)",
        "schema or administration",
    ),
    ("load-csv", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV"),
    (
        "load-csv-write",
        "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line CREATE (:Hostile {v: line[0]})",
        "writes",
    ),
    ("create-label", "CALL db.createLabel('Hostile')", "writes"),
    ("dbms-components", "CALL dbms.components()", "dbms.*"),
    ("dbms-list-config", "CALL dbms.listConfig() YIELD name, value RETURN name, value", "dbms.*"),
    ("dbms-set-config", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", "dbms.*"),
    ("show-users", "SHOW USERS", "administration"),
    ("create-user", "CREATE USER hostile SET PASSWORD 'hostile-password'", "administration"),
    ("alter-user", "ALTER USER neo4j SET PASSWORD 'hostile-password'", "administration"),
    ("create-database", "CREATE DATABASE hostile", "Administration commands"),
    ("terminate-transactions", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "Terminate"),
    ("show-transactions", "SHOW TRANSACTIONS", "ShowTransactions"),
    ("show-settings", "SHOW SETTINGS", "ShowSettings"),
    ("clear-query-caches", "CALL db.clearQueryCaches()", "administration"),
    (
        "write-in-call-subquery",
        "MATCH (r:Role {code: '3.2'}) CALL (r) { CREATE (:Hostile)-[:OF]->(r) } RETURN r.code",
        "writes",
    ),
    (
        "write-in-transactions",
        "MATCH (n:Role) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
        "writes",
    ),
    (
        "write-after-with",
        "MATCH (r:Role) WITH r LIMIT 1 CREATE (:Hostile {code: r.code})",
        "writes",
    ),
    ("foreach-write", "MATCH (r:Role) FOREACH (i IN [1] | SET r.title = 'Hacked')", "writes"),
    ("two-statements", "MATCH (n) RETURN n; CREATE (:Hostile)", "One statement"),
    (
        "statement-after-block-comment",
        "MATCH (n) RETURN count(n) /* harmless */; CREATE (:Hostile)",
        "One statement",
    ),
    ("statement-after-line-comment", "RETURN 1 // ;\n; CREATE (:Hostile)", "One statement"),
    ("statement-after-string", "RETURN 'a;b'; MATCH (n) DETACH DELETE n", "One statement"),
    ("write-after-line-comment", "// read-only, promise\nCREATE (:Hostile)", "writes"),
    ("write-behind-block-comment", "MATCH (n) /* RETURN n */ DETACH DELETE n", "writes"),
    ("apoc-load", "CALL apoc.load.json('file:///etc/passwd')", "apoc.load"),
    ("apoc-load-no-parentheses", "CALL apoc.load.json", "apoc.load"),
    ("apoc-load-upper-case", "CALL APOC.LOAD.JSON('https://example.com/x')", "apoc.load"),
    (
        "apoc-load-comment-inside",
        "CALL apoc/* x */.load.json('https://example.com/x')",
        "apoc.load",
    ),
    ("apoc-load-backticks", "CALL `apoc`.`load`.json('https://example.com/x')", "apoc.load"),
    ("apoc-export", "CALL apoc.export.csv.all('/tmp/graph.csv', {})", "apoc.export"),
    ("apoc-cypher-run", "CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {})", "apoc.cypher"),
    (
        "apoc-cypher-function",
        "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) DETACH DELETE n', {}) AS x",
        "apoc.cypher",
    ),
    (
        "apoc-periodic",
        "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
        "apoc.periodic",
    ),
    (
        "apoc-when-hides-a-load",
        "CALL apoc.when(true, \"CALL apoc.load.json('file:///etc/passwd') YIELD value "
        'RETURN value")',
        "apoc.when",
    ),
    ("gds-project", "CALL gds.graph.project('g', 'Role', 'CAREER_LINK')", "gds.*"),
    ("query-collector", "CALL db.stats.collect('QUERIES')", "db.stats.*"),
    ("replanning", "CALL db.prepareForReplanning()", "db.prepareForReplanning"),
]

# Queries that only look hostile: the words sit in strings, comments or names.
HARMLESS = [
    (
        "RETURN 'CREATE (:Hostile); MATCH (n) DETACH DELETE n' AS text // ; CREATE (x)",
        [["CREATE (:Hostile); MATCH (n) DETACH DELETE n"]],
    ),
    ("/* ; CALL apoc.load.json('x') */ MATCH (r:Role) RETURN count(r) AS roles", [[33]]),
    ("MATCH (r:Role {code: '3.2'}) RETURN r.code AS `apoc.load.json(`", [["3.2"]]),
    ("MATCH (r:Role) RETURN count(r) AS roles;", [[33]]),
    ("CALL db.labels() YIELD label WHERE label = 'Role' RETURN label", [["Role"]]),
]


@pytest.fixture(scope="module")
def seeded(neo4j_driver: Driver, neo4j_database: str) -> Driver:
    load_release_into_neo4j(neo4j_driver, release(read_dataset(DATA_DIR)), database=neo4j_database)
    return neo4j_driver


def serve(store: Any, keys: list[str]) -> Any:
    settings = Settings(careergraph_api_keys=keys, careergraph_reload_check_s=0)
    return serving(create_app(settings, store=store))


@pytest.fixture(scope="module")
def base_url(seeded: Driver, neo4j_database: str) -> Iterator[str]:
    with serve(Neo4jStore(seeded, database=neo4j_database), [*KEYS, STEWARD_KEY]) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, headers={"X-API-Key": KEYS[1]}, timeout=60) as http:
        yield http


def state(driver: Driver, database: str) -> dict[str, Any]:
    """Everything a hostile query could change: counts, content, stamp, schema, users."""
    store = Neo4jStore(driver, database=database)
    overview = driver.execute_query(
        load_query("library/overview"), dataset="cigref-2011", database_=database
    ).records
    schema = [
        r["name"]
        for listing in ("admin/constraints", "admin/indexes")
        for r in driver.execute_query(load_query(listing), database_=database).records
    ]
    users = driver.execute_query("SHOW USERS YIELD user", database_="system").records
    return {
        "counts": sorted((r["kind"], r["name"], r["count"]) for r in overview),
        "stamp": store.versions().get("cigref-2011"),
        "content": store.load("cigref-2011"),
        "schema": sorted(schema),
        "users": sorted(r["user"] for r in users),
    }


@pytest.mark.parametrize(
    ("query", "reason"), [pytest.param(q, r, id=name) for name, q, r in HOSTILE]
)
def test_hostile_query_is_refused_and_changes_nothing(
    client: httpx.Client, seeded: Driver, neo4j_database: str, query: str, reason: str
) -> None:
    before = state(seeded, neo4j_database)
    response = client.post(URL, json={"query": query})
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == "/problems/query-refused"
    assert reason in problem["detail"]
    assert state(seeded, neo4j_database) == before


@pytest.mark.parametrize(("query", "rows"), HARMLESS)
def test_hostile_words_in_strings_comments_and_names_are_not_code(
    client: httpx.Client, query: str, rows: list[list[Any]]
) -> None:
    response = client.post(URL, json={"query": query})
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == rows


def test_parameters_are_data_never_cypher(
    client: httpx.Client, seeded: Driver, neo4j_database: str
) -> None:
    before = state(seeded, neo4j_database)
    text = "'}) MATCH (n) DETACH DELETE n //"
    echoed = client.post(URL, json={"query": "RETURN $text AS text", "params": {"text": text}})
    assert echoed.json()["rows"] == [[text]]
    injected = client.post(
        URL,
        json={
            "query": "MATCH (r:Role {code: $code}) RETURN r.title AS title",
            "params": {"code": "3.2'}) OR true //"},
        },
    )
    assert injected.status_code == 200
    assert injected.json()["rows"] == []
    assert state(seeded, neo4j_database) == before


def test_schema_inspection_is_allowed(client: httpx.Client) -> None:
    indexes = client.post(URL, json={"query": "SHOW INDEXES YIELD name RETURN name"}).json()
    assert ["role_code_per_dataset"] in indexes["rows"]
    schema = client.post(URL, json={"query": "CALL db.schema.visualization()"}).json()
    assert schema["columns"] == ["nodes", "relationships"]
    labels = {node["labels"][0] for node in schema["rows"][0][0]}
    assert {"Role", "Competence", "Family"} <= labels


def console_queries(driver: Driver, database: str) -> list[str]:
    """What the server is running for the console now (its transactions carry a tag)."""
    records = driver.execute_query(
        "SHOW TRANSACTIONS YIELD currentQuery, metaData RETURN currentQuery, metaData",
        database_=database,
    ).records
    return [r["currentQuery"] for r in records if r["metaData"].get("app") == "careergraph-console"]


def test_a_slow_query_is_stopped_by_the_server_at_its_timeout(
    client: httpx.Client, seeded: Driver, neo4j_database: str
) -> None:
    query = "UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n"
    started = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        answer = pool.submit(client.post, URL, json={"query": query, "timeout_s": 1})
        seen: list[str] = []
        while query not in seen and not answer.done():  # past the EXPLAIN, to the run
            time.sleep(0.05)
            seen = console_queries(seeded, neo4j_database)
        response = answer.result()
    elapsed = time.monotonic() - started
    assert seen == [query]  # it ran on the server, tagged as the console's
    assert response.status_code == 504, response.text
    assert response.json()["type"] == "/problems/query-timeout"
    assert "1 s limit" in response.json()["detail"]
    assert elapsed < 4  # Neo4j checks timeouts every 2 s by default
    assert console_queries(seeded, neo4j_database) == []  # stopped there, not abandoned


def test_a_big_result_is_cut_at_the_cap_without_being_computed(client: httpx.Client) -> None:
    query = "UNWIND range(1, 100000000) AS i RETURN i"
    started = time.monotonic()
    capped = client.post(URL, json={"query": query, "limit": 10_000}).json()
    assert time.monotonic() - started < 5  # 10^8 rows would take far longer
    assert capped["truncated"] is True
    assert capped["row_count"] == len(capped["rows"]) == 10_000
    assert capped["rows"][0] == [1] and capped["rows"][-1] == [10_000]
    default = client.post(URL, json={"query": query}).json()
    assert (default["row_count"], default["truncated"]) == (1000, True)
    exact = client.post(URL, json={"query": "UNWIND range(1, 5) AS i RETURN i", "limit": 5})
    assert (exact.json()["row_count"], exact.json()["truncated"]) == (5, False)


@pytest.mark.parametrize(
    "change",
    [{"timeout_s": 31}, {"timeout_s": 0}, {"limit": 10_001}, {"limit": 0}, {"query": ""}],
)
def test_limits_are_bounded(client: httpx.Client, change: dict[str, Any]) -> None:
    response = client.post(URL, json={"query": "RETURN 1 AS one", **change})
    assert response.status_code == 422
    assert response.json()["type"] == "/problems/invalid-request"


def test_answer_carries_version_and_time(client: httpx.Client) -> None:
    answer = client.post(URL, json={"query": "MATCH (r:Role) RETURN count(r) AS roles"}).json()
    assert answer["columns"] == ["roles"] and answer["rows"] == [[33]]
    assert answer["dataset_version"] == release(read_dataset(DATA_DIR)).version
    assert answer["truncated"] is False and answer["elapsed_ms"] > 0


def test_graph_and_temporal_values_are_plain_json(client: httpx.Client) -> None:
    query = (
        "MATCH p = (r:Role {code: '3.2'})-[l:IN_FAMILY]->(f:Family) "
        "RETURN r, l, p, f, date('2024-02-29') AS d, "
        "datetime('2024-02-29T10:30:00+01:00') AS dt, duration('P1DT2H') AS du, "
        "point({x: 1.5, y: 2}) AS xy, point({longitude: 2.35, latitude: 48.85}) AS geo, "
        "0.0 / 0.0 AS nan"
    )
    answer = client.post(URL, json={"query": query}).json()
    role, link, path, family, *values = answer["rows"][0]
    assert role["labels"] == ["Role"] and role["properties"]["code"] == "3.2"
    assert isinstance(role["element_id"], str)
    assert link["type"] == "IN_FAMILY"
    assert (link["start"], link["end"]) == (role["element_id"], family["element_id"])
    assert path["nodes"] == [role, family] and path["relationships"] == [link]
    assert values == [
        "2024-02-29",
        "2024-02-29T10:30:00.000000000+01:00",  # Neo4j's nanosecond precision, kept
        "P1DT2H",
        "SRID=7203;POINT(1.5 2.0)",
        "SRID=4326;POINT(2.35 48.85)",
        "NaN",
    ]


def test_neo4j_errors_are_400_problems(client: httpx.Client) -> None:
    for body in ({"query": "MATCH (n RETURN n"}, {"query": "RETURN $missing AS x"}):
        response = client.post(URL, json=body)
        assert response.status_code == 400
        assert response.json()["type"] == "/problems/query-failed"


# --- keys and stores ----------------------------------------------------------------------


def test_a_missing_or_wrong_key_is_401(base_url: str) -> None:
    for headers, detail in (({}, "Missing X-API-Key"), ({"X-API-Key": "guess"}, "Invalid")):
        for path in (URL, f"{URL}/library/overview"):
            response = httpx.post(base_url + path, json={"query": "RETURN 1"}, headers=headers)
            assert response.status_code == 401
            assert response.headers["www-authenticate"] == "ApiKey"
            assert response.headers["content-type"] == "application/problem+json"
            assert detail in response.json()["detail"]


def test_every_configured_key_opens_the_console(base_url: str) -> None:
    for key in KEYS:
        response = httpx.post(
            base_url + URL, json={"query": "RETURN 1 AS one"}, headers={"X-API-Key": key}
        )
        assert response.json()["rows"] == [[1]]


def test_no_key_configured_closes_the_console(seeded: Driver, neo4j_database: str) -> None:
    with serve(Neo4jStore(seeded, database=neo4j_database), []) as url:
        response = httpx.post(
            url + URL, json={"query": "RETURN 1"}, headers={"X-API-Key": "anything"}
        )
    assert response.status_code == 403
    assert response.json()["type"] == "/problems/console-closed"
    assert "CAREERGRAPH_API_KEYS" in response.json()["detail"]


def test_the_embedded_store_says_how_to_get_neo4j() -> None:
    with serve(EmbeddedStore.from_directories([DATA_DIR]), KEYS) as url:
        for path in (URL, f"{URL}/library/overview"):
            response = httpx.post(
                url + path, json={"query": "RETURN 1"}, headers={"X-API-Key": KEYS[0]}
            )
            assert response.status_code == 501
            detail = response.json()["detail"]
            assert "NEO4J_URI" in detail and "careergraph neo4j start" in detail
            assert "careergraph seed load" in detail


# --- the library --------------------------------------------------------------------------


def test_the_library_lists_every_file(client: httpx.Client) -> None:
    listed = client.get(f"{URL}/library").json()
    files = sorted(p.stem for p in (CYPHER_DIR / "library").glob("*.cypher"))
    assert [q["name"] for q in listed] == files
    gap = next(q for q in listed if q["name"] == "gap")
    assert gap["parameters"] == ["source", "target", "basis"]
    assert gap["example"] == {"source": "3.2", "target": "3.4", "basis": "entry"}
    assert gap["columns"][:3] == ["competence", "title", "area"]


@pytest.mark.parametrize("name", sorted(library()))
def test_library_query_runs_with_its_example(
    client: httpx.Client, name: str, request: pytest.FixtureRequest
) -> None:
    query = library()[name]
    store_people_for(name, request)
    key = STEWARD if name.startswith("workforce_") else {}
    response = client.post(f"{URL}/library/{name}", json={"params": query.example}, headers=key)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["columns"] == query.columns
    assert answer["row_count"] > 0


def test_library_gap_left_out_parameter_is_null(client: httpx.Client) -> None:
    params = {"source": "3.2", "target": "3.4"}
    implicit = client.post(f"{URL}/library/gap", json={"params": params}).json()
    explicit = client.post(f"{URL}/library/gap", json={"params": {**params, "basis": "entry"}})
    assert implicit["rows"] == explicit.json()["rows"]
    assert ["A5", "Architecture Design", "A", 0, 3, 3, "missing"] in implicit["rows"]


def test_library_query_keeps_the_limits(client: httpx.Client) -> None:
    answer = client.post(
        f"{URL}/library/unused_competences", json={"params": {}, "limit": 1}
    ).json()
    assert (answer["row_count"], answer["truncated"]) == (1, True)


def test_unknown_library_query_suggests_names(client: httpx.Client) -> None:
    response = client.post(f"{URL}/library/gapp", json={})
    assert response.status_code == 404
    problem = response.json()
    assert problem["type"] == "/problems/unknown-library-query"
    assert [s["code"] for s in problem["suggestions"]] == ["gap"]
    unknown_param = client.post(f"{URL}/library/gap", json={"params": {"sourc": "3.2"}})
    assert unknown_param.status_code == 400 and "sourc" in unknown_param.json()["detail"]


# Issue 15, failure 3: one analyst key stalled the service and exhausted Neo4j.
SLOTS = 2
ANSWER_BYTES = 64 << 10
SLOW = "UNWIND range(1, 3) AS i CALL { WITH i RETURN reduce(s = 0, x IN range(1, 3000000) | s + x) AS t } RETURN sum(t) AS total"  # noqa: E501


@pytest.fixture(scope="module")
def bounded_url(seeded: Driver, neo4j_database: str) -> Iterator[str]:
    settings = Settings(
        careergraph_api_keys=KEYS,
        careergraph_reload_check_s=3600,
        careergraph_console_concurrency=SLOTS,
        careergraph_console_max_bytes=ANSWER_BYTES,
    )
    with serving(create_app(settings, store=Neo4jStore(seeded, database=neo4j_database))) as url:
        yield url


def test_concurrent_console_queries_beyond_the_slots_are_429(bounded_url: str) -> None:
    """40 at once: SLOTS run, the rest are refused at once; /health never waits."""
    headers = {"X-API-Key": KEYS[0]}

    def console_query(_: int) -> httpx.Response:
        body = {"query": SLOW, "timeout_s": 30}
        return httpx.post(f"{bounded_url}{URL}", json=body, headers=headers, timeout=60)

    def health_ms() -> float:
        started = time.monotonic()
        httpx.get(f"{bounded_url}/health", timeout=10).raise_for_status()
        return (time.monotonic() - started) * 1000

    with ThreadPoolExecutor(max_workers=40) as pool:
        running = [pool.submit(console_query, n) for n in range(40)]
        waits = [health_ms() for _ in range(20)]
        answers = [future.result() for future in running]
        statuses = [a.status_code for a in answers]
    busy = [s for s in statuses if s == 429]
    assert statuses.count(200) >= 1 and len(busy) >= 40 - SLOTS * 3, statuses
    assert set(statuses) <= {200, 429}
    refused = next(a for a in answers if a.status_code == 429)
    assert refused.headers["retry-after"] and refused.json()["type"] == "/problems/console-busy"
    # /health never queues behind the console: its p95 (of 20 probes) is under the time the
    # quickest admitted query took. (Not a fixed bound in ms: on a busy 2-core CI machine a
    # probe waits for a core, which says nothing of the console's slots.)
    quickest = min(a.elapsed.total_seconds() * 1000 for a in answers if a.status_code == 200)
    assert sorted(waits)[-2] < quickest, (waits, quickest)


def test_answers_are_capped_in_bytes(bounded_url: str) -> None:
    """40 rows of 100 kB: the answer stops before the byte cap, marked truncated."""
    query = "UNWIND range(1, 40) AS i RETURN i, reduce(s = '', x IN range(1, 10000) | s + 'xxxxxxxxxx') AS big"  # noqa: E501
    response = httpx.post(
        f"{bounded_url}{URL}", json={"query": query}, headers={"X-API-Key": KEYS[0]}, timeout=60
    )
    answer = response.json()
    assert response.status_code == 200, answer
    assert answer["truncated"] is True and answer["row_count"] < 40
    assert len(response.content) < ANSWER_BYTES + 4096


def test_a_query_that_exhausts_the_heap_is_a_400_and_neo4j_survives(client: httpx.Client) -> None:
    """String doubling is not tracked by Neo4j's transaction pool: the heap stops it."""
    response = client.post(
        URL, json={"query": "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n"}
    )
    assert response.status_code == 400, response.text
    assert "more memory" in response.json()["detail"]
    assert client.post(URL, json={"query": "RETURN 1 AS one"}).json()["rows"] == [[1]]
