"""The workforce API over real HTTP, on both stores: the answers are the domain's, keys and
scopes hold, suppression holds in JSON and CSV, import is all or nothing, erase erases."""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.snapshot import Snapshot
from graph.store import GraphStore
from graph.workforce import disclosure
from graph.workforce.bench import bench_board, bench_strength
from graph.workforce.best_raise import best_single_raise
from graph.workforce.csvfile import write_csv
from graph.workforce.generate import generate
from graph.workforce.heatmap import heatmap
from graph.workforce.index import WorkforceIndex
from graph.workforce.models import Workforce
from graph.workforce.spof import single_points_of_failure
from graph.workforce.whatif import WhatIfRaise, what_if
from tests.fixtures.live import serving

HR = {"X-API-Key": "hr-secret-1"}  # aggregate reader
CONSOLE = {"X-API-Key": "ops-secret-2"}
STEWARD = {"X-API-Key": "steward-secret-3"}
IMPORTER = {"X-API-Key": "import-secret-4"}
KEYS = [
    "hr:workforce:hr-secret-1",
    "ops:console:ops-secret-2",
    "dpo:steward:steward-secret-3",
    "feed:importer:import-secret-4",
]
MIN_GROUP = 5


@pytest.fixture(scope="module")
def generated(api_store: GraphStore) -> Workforce:
    return generate(api_store.load("cigref-2011").dataset, people=400, seed=5)


@pytest.fixture(scope="module")
def expected(api_store: GraphStore, generated: Workforce) -> WorkforceIndex:
    """The domain's answers on the generated workforce (any version label)."""
    return WorkforceIndex.build(Snapshot.build(api_store.load("cigref-2011")), generated, "x")


@pytest.fixture(scope="module")
def hr(
    api_store: GraphStore, generated: Workforce, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    """A service with an HR key and a console key, holding the generated workforce."""
    settings = Settings(
        careergraph_api_keys=KEYS,
        careergraph_workforce_dir=tmp_path_factory.mktemp("workforce"),
        careergraph_reload_check_s=3600,
        careergraph_workforce_import_max_bytes=1_000_000,
    )
    with (
        serving(create_app(settings, store=api_store)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        answer = client.post(
            "/api/v1/workforce/import?mode=replace",
            content=write_csv(generated.people),
            headers={**IMPORTER, "Content-Type": "text/csv"},
        )
        assert answer.status_code == 200, answer.text
        yield client
        everyone = Workforce(dataset="cigref-2011")  # leave the store as we found it
        client.post(
            "/api/v1/workforce/import?mode=replace",
            json=everyone.model_dump(mode="json")["people"],
            headers=IMPORTER,
        )


def test_the_status_counts_the_people(hr: httpx.Client, generated: Workforce) -> None:
    status = hr.get("/api/v1/workforce", headers=STEWARD).json()
    assert status["people"] == len(generated.people)
    assert status["dataset"] == "cigref-2011" and status["min_group_size"] == MIN_GROUP
    assert status["index_bytes"] > 0 and status["stale"] == []


def test_bench_strength_is_the_domains(hr: httpx.Client, expected: WorkforceIndex) -> None:
    board = hr.get("/api/v1/workforce/bench", headers=HR).json()
    domain = disclosure.board(bench_board(expected, 0.8), MIN_GROUP).model_dump(mode="json")
    assert board["roles"] == domain["roles"]
    wide = hr.get("/api/v1/workforce/bench?threshold=0.5", headers=HR).json()
    published = disclosure.board(bench_board(expected, 0.5), MIN_GROUP)
    assert wide["roles"] == published.model_dump(mode="json")["roles"]
    domain_one = bench_strength(expected, "3.4", threshold=0.8, limit=5).model_dump(mode="json")
    one = hr.get("/api/v1/workforce/bench/3.4?limit=5", headers=STEWARD).json()
    assert one["candidates"] == domain_one["candidates"] and len(one["candidates"]) <= 5
    assert one["candidates_total"] == domain_one["candidates_total"]
    aggregate = hr.get("/api/v1/workforce/bench/3.4?limit=5", headers=HR).json()
    assert aggregate["candidates"] == []  # people are for stewards


def test_best_raise_is_the_domains(hr: httpx.Client, expected: WorkforceIndex) -> None:
    for role in ("3.4", "2.3"):
        got = hr.get(f"/api/v1/workforce/bench/{role}/best-raise", headers=HR).json()
        exact = best_single_raise(expected, role, threshold=0.8)
        domain = disclosure.best_raise(exact, MIN_GROUP).model_dump(mode="json")
        assert (got["best"], got["candidates"], got["reason"]) == (
            domain["best"],
            domain["candidates"],
            domain["reason"],
        )


def test_readiness_of_a_person(hr: httpx.Client, generated: Workforce) -> None:
    person = generated.people[0].id
    url = f"/api/v1/workforce/readiness?person={person}"
    assert hr.get(url, headers=HR).status_code == 403  # one person: the steward's duty
    answer = hr.get(f"{url}&role=3.4", headers=STEWARD).json()
    assert answer["person"] == person and [r["role"]["code"] for r in answer["roles"]] == ["3.4"]
    everything = hr.get(url, headers=STEWARD).json()
    assert len(everything["roles"]) == 33
    readiness = [r["readiness"] for r in everything["roles"]]
    assert readiness == sorted(readiness, reverse=True)
    missing = hr.get("/api/v1/workforce/readiness?person=NOBODY", headers=STEWARD)
    assert missing.status_code == 404 and missing.json()["type"] == "/problems/unknown-person"


def test_the_heatmap_withholds_small_cells_in_json_and_csv(
    hr: httpx.Client, expected: WorkforceIndex
) -> None:
    answer = hr.get("/api/v1/workforce/heatmap", headers=HR).json()
    exact = heatmap(expected, min_group_size=MIN_GROUP)
    published = disclosure.heatmap(exact, MIN_GROUP)
    assert answer["cells"] == published.model_dump(mode="json")["cells"]
    withheld = [c for c in answer["cells"] if c["suppressed"]]
    assert withheld and answer["suppressed"] == len(withheld) > exact.suppressed
    for cell in withheld:
        assert (cell["people"], cell["holding"], cell["share"]) == (None, None, None)
        assert cell["reason"] == "fewer than 5 people (the minimum group size)" or (
            "complementary suppression" in cell["reason"]
        )
    assert all(c["people"] >= MIN_GROUP for c in answer["cells"] if not c["suppressed"])
    table = hr.get("/api/v1/workforce/heatmap?format=csv", headers=HR)
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert len(rows) == len(answer["cells"])
    for row, cell in zip(rows, answer["cells"], strict=True):
        assert (row["unit"], row["competence"]) == (cell["unit"], cell["competence"])
        if cell["suppressed"]:
            assert (row["people"], row["holding"], row["share"]) == ("", "", "")
            assert row["suppressed"] == "True" and row["reason"] == cell["reason"]
        else:
            assert int(row["people"]) == cell["people"] and row["reason"] == ""


def test_single_points_of_failure_are_the_domains(
    hr: httpx.Client, expected: WorkforceIndex
) -> None:
    answer = hr.get("/api/v1/workforce/single-points-of-failure", headers=HR).json()
    exact = single_points_of_failure(expected, min_group_size=MIN_GROUP)
    domain = disclosure.single_points(exact, MIN_GROUP).model_dump(mode="json")
    assert (answer["points"], answer["suppressed_units"]) == (
        domain["points"],
        domain["suppressed_units"],
    )
    assert all(p["holders"] <= 1 for p in answer["points"])


def test_what_if_before_and_after(hr: httpx.Client, expected: WorkforceIndex) -> None:
    body = {
        "raises": [
            {"competence": "B2", "level": 4, "role": "3.2"},
            {"competence": "E2", "level": 3, "unit": expected.units[0]},
        ]
    }
    answer = hr.post("/api/v1/workforce/what-if", json=body, headers=HR).json()
    raises = [WhatIfRaise.model_validate(r) for r in body["raises"]]
    exact = what_if(expected, raises, threshold=0.8)
    fields = ("roles", "raises", "ready_now_added", "ready_soon_added")
    published = disclosure.what_if(exact, MIN_GROUP).model_dump(mode="json")
    assert [answer[f] for f in fields] == [published[f] for f in fields]
    steward = hr.post("/api/v1/workforce/what-if", json=body, headers=STEWARD).json()
    assert [steward[f] for f in fields] == [exact.model_dump(mode="json")[f] for f in fields]
    assert steward["ready_now_added"] == sum(
        c["after"]["ready_now"] - c["before"]["ready_now"] for c in steward["roles"]
    )
    assert [r["target"] for r in answer["raises"]] == [
        "holders of 3.2",
        f"unit {expected.units[0]}",
    ]
    bad = hr.post(
        "/api/v1/workforce/what-if", json={"raises": [{"competence": "B2", "level": 4}]}, headers=HR
    )
    assert bad.status_code == 422


def test_keys_and_scopes(hr: httpx.Client, client: httpx.Client) -> None:
    assert hr.get("/api/v1/workforce/bench").status_code == 401
    assert hr.get("/api/v1/workforce/bench", headers={"X-API-Key": "wrong"}).status_code == 401
    console = hr.get("/api/v1/workforce/bench", headers=CONSOLE)
    assert (console.status_code, console.json()["type"]) == (403, "/problems/scope-missing")
    closed = client.get("/api/v1/workforce/bench", headers=HR)  # a service with no keys at all
    assert (closed.status_code, closed.json()["type"]) == (403, "/problems/workforce-closed")


def test_answers_are_never_cached(hr: httpx.Client) -> None:
    for path in ("/api/v1/workforce/bench", "/api/v1/workforce/heatmap?format=csv"):
        answer = hr.get(path, headers=HR)
        assert answer.headers["cache-control"] == "no-store"
        assert "etag" not in answer.headers


def test_reads_are_logged_with_the_keys_name_never_the_key(
    hr: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="careergraph.workforce.audit"):
        hr.get("/api/v1/workforce/heatmap", headers=HR)
    lines = [r.getMessage() for r in caplog.records if r.name == "careergraph.workforce.audit"]
    assert lines == ["workforce heatmap, dataset cigref-2011, by key hr"]
    assert all("hr-secret-1" not in r.getMessage() for r in caplog.records)


def test_a_bad_import_writes_nothing_and_says_where(hr: httpx.Client) -> None:
    before = hr.get("/api/v1/workforce", headers=HR).json()["workforce_version"]
    text = "person,unit,role,competence,level,source,assessed_on\nX1,Ops,3.2,B1,9,self,2024-01-01\n"
    forbidden = hr.post(
        "/api/v1/workforce/import", content=text, headers={**HR, "Content-Type": "text/csv"}
    )
    assert forbidden.status_code == 403  # the aggregate reader never imports
    answer = hr.post(
        "/api/v1/workforce/import", content=text, headers={**IMPORTER, "Content-Type": "text/csv"}
    )
    assert answer.status_code == 422
    problem = answer.json()
    assert problem["type"] == "/problems/invalid-workforce"
    assert problem["errors"] == [
        {"msg": "import.csv:2:5: level: level 9 is outside the scale e-1..e-5"}
    ]
    refused = hr.post(
        "/api/v1/workforce/import",
        content="person,email\nX1,x@example.com\n",
        headers={**IMPORTER, "Content-Type": "text/csv"},
    )
    assert refused.status_code == 422 and "refused" in refused.json()["detail"]
    assert hr.get("/api/v1/workforce", headers=HR).json()["workforce_version"] == before
    other = hr.post(
        "/api/v1/workforce/import", content="x", headers={**IMPORTER, "Content-Type": "text/plain"}
    )
    assert other.status_code == 415
    huge = hr.post(
        "/api/v1/workforce/import",
        content="person\n" + "P1\n" * 400_000,
        headers={**IMPORTER, "Content-Type": "text/csv"},
    )
    assert huge.status_code == 413


def test_export_then_erase_a_person(hr: httpx.Client, generated: Workforce) -> None:
    someone = generated.people[-1]
    extra = {
        "id": "ERASE-ME-1",
        "unit": "unit-01",
        "role": "3.2",
        "assessments": [
            {"competence": "B1", "level": 3, "source": "self", "assessed_on": "2024-05-01"}
        ],
    }
    merged = hr.post("/api/v1/workforce/import", json=[extra], headers=IMPORTER).json()
    assert (merged["mode"], merged["imported"], merged["people"]) == (
        "merge",
        1,
        len(generated.people) + 1,
    )
    assert hr.get("/api/v1/workforce/person?person=ERASE-ME-1", headers=HR).status_code == 403
    exported = hr.get("/api/v1/workforce/person?person=ERASE-ME-1", headers=STEWARD).json()
    assert exported == {"dataset": "cigref-2011", "person": extra}
    url = f"/api/v1/workforce/person?person={someone.id}"
    assert hr.get(url, headers=STEWARD).json()["person"] == someone.model_dump(mode="json")
    assert hr.delete("/api/v1/workforce/person?person=ERASE-ME-1", headers=HR).status_code == 403
    erased = hr.delete("/api/v1/workforce/person?person=ERASE-ME-1", headers=STEWARD)
    assert erased.status_code == 200 and erased.json()["erased"] is True
    assert hr.get("/api/v1/workforce/person?person=ERASE-ME-1", headers=STEWARD).status_code == 404
    gone = hr.delete("/api/v1/workforce/person?person=ERASE-ME-1", headers=STEWARD)
    assert gone.status_code == 404
    assert hr.get("/api/v1/workforce", headers=HR).json()["people"] == len(generated.people)


def test_an_unknown_dataset_is_a_404(hr: httpx.Client) -> None:
    answer = hr.get("/api/v1/workforce/bench?dataset=nope", headers=HR)
    assert answer.status_code == 404 and answer.json()["type"] == "/problems/unknown-dataset"


def test_an_erased_person_is_nowhere_in_the_raw_store(
    hr: httpx.Client,
    api_store: GraphStore,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> None:
    person = [{"id": "GONE-1", "unit": "unit-01"}]
    assert hr.post("/api/v1/workforce/import", json=person, headers=IMPORTER).status_code == 200
    assert found_in_store("GONE-1", api_store, tmp_path_factory, request) > 0
    hr.delete("/api/v1/workforce/person?person=GONE-1", headers=STEWARD)
    assert found_in_store("GONE-1", api_store, tmp_path_factory, request) == 0


def found_in_store(
    text: str,
    store: GraphStore,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> int:
    """How often `text` is in the store's raw data: file bytes, or any Neo4j property."""
    if store.kind == "embedded":
        base = Path(str(tmp_path_factory.getbasetemp()))
        raw = b"".join(p.read_bytes() for p in base.glob("workforce*/**/*") if p.is_file())
        return raw.count(text.encode())
    driver = request.getfixturevalue("neo4j_driver")
    query = """
        CALL () {
          MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $text) RETURN count(n) AS found
          UNION ALL
          MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] = $text) RETURN count(r) AS found
        }
        RETURN sum(found) AS found"""
    database = request.getfixturevalue("neo4j_database")
    return int(driver.execute_query(query, text=text, database_=database).records[0]["found"])


def test_the_heatmap_csv_neutralises_formulas(hr: httpx.Client) -> None:
    """A unit named like a formula goes out quoted (graph/csvsafe.py), so a spreadsheet shows
    it as text; before: `=HYPERLINK(...)` went out as is."""
    unit = '=HYPERLINK("http://127.0.0.1:9/x","y")'
    person = [{"id": "FORMULA-1", "unit": unit, "role": "3.2"}]
    assert hr.post("/api/v1/workforce/import", json=person, headers=IMPORTER).status_code == 200
    try:
        table = hr.get("/api/v1/workforce/heatmap?format=csv", headers=HR).text
        units = [row["unit"] for row in csv.DictReader(io.StringIO(table))]
        assert "'" + unit in units and unit not in units
    finally:
        hr.delete("/api/v1/workforce/person?person=FORMULA-1", headers=STEWARD)
