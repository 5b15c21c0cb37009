"""Issue 23's attacks on small groups, over real HTTP on both stores: each one runs and
withheld stays withheld (docs/workforce.md, "Privacy").

The workforce: 400 generated people, plus a unit "Tiny" of three people whose heatmap
cells are all withheld, and a role held by exactly one person.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.store import GraphStore
from graph.workforce.csvfile import write_csv
from graph.workforce.generate import generate
from graph.workforce.models import Person, Workforce
from tests.fixtures.live import serving
from tests.workforce_factory import assessed

HR = {"X-API-Key": "hr-secret"}  # aggregate reader
STEWARD = {"X-API-Key": "steward-secret"}
IMPORTER = {"X-API-Key": "import-secret"}
BOTH = {"X-API-Key": "both-secret"}  # import and aggregates on one key: refused
KEYS = [
    "hr:workforce:hr-secret",
    "dpo:steward:steward-secret",
    "feed:importer:import-secret",
    "greedy:workforce+importer:both-secret",
]
K = 5
TINY = tuple(
    Person(id=f"TINY-{i}", unit="Tiny", role="3.2", assessments=(assessed("B1", 2 + i),))
    for i in range(3)
)
LONE_ROLE = "5.1"  # held by one person only


@pytest.fixture(scope="module")
def people(api_store: GraphStore) -> Workforce:
    made = generate(api_store.load("cigref-2011").dataset, people=400, seed=5)
    kept = tuple(p for p in made.people if p.role != LONE_ROLE)
    lone = Person(id="LONE-1", unit="unit-01", role=LONE_ROLE)
    return Workforce(dataset="cigref-2011", people=(*kept, *TINY, lone))


@pytest.fixture(scope="module")
def hr(
    api_store: GraphStore, people: Workforce, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    settings = Settings(
        careergraph_api_keys=KEYS,
        careergraph_workforce_dir=tmp_path_factory.mktemp("workforce-attacks"),
        careergraph_reload_check_s=3600,
    )
    with (
        serving(create_app(settings, store=api_store)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        answer = client.post(
            "/api/v1/workforce/import?mode=replace",
            content=write_csv(people.people),
            headers={**IMPORTER, "Content-Type": "text/csv"},
        )
        assert answer.status_code == 200, answer.text
        yield client
        client.post("/api/v1/workforce/import?mode=replace", json=[], headers=IMPORTER)


def tiny_cells(client: httpx.Client) -> list[dict[str, object]]:
    cells = client.get("/api/v1/workforce/heatmap", headers=HR).json()["cells"]
    return [c for c in cells if c["unit"] == "Tiny"]


def test_the_small_unit_is_withheld_to_begin_with(hr: httpx.Client) -> None:
    cells = tiny_cells(hr)
    assert cells and all(c["suppressed"] and c["people"] is None for c in cells)


def test_what_if_aimed_at_the_small_unit_is_refused(hr: httpx.Client) -> None:
    """Before: scanning levels of a raise for unit Tiny gave its exact distribution."""
    for level in (2, 3, 4, 5):
        body = {"raises": [{"competence": "B1", "level": level, "unit": "Tiny"}]}
        answer = hr.post("/api/v1/workforce/what-if", json=body, headers=HR)
        assert answer.status_code == 422, answer.text
        assert answer.json()["type"] == "/problems/group-too-small"
        assert "TINY" not in answer.text


def test_what_if_aimed_at_one_person_is_refused(hr: httpx.Client) -> None:
    """Before: {"people": ["P-058"]} told one person's level."""
    for target in (["TINY-0"], ["TINY-0", "TINY-1", "TINY-2"]):
        body = {"raises": [{"competence": "B1", "level": 3, "people": target}]}
        answer = hr.post("/api/v1/workforce/what-if", json=body, headers=HR)
        assert answer.status_code == 403 and answer.json()["type"] == "/problems/scope-missing"


def test_padding_the_small_unit_with_dummies_is_refused(hr: httpx.Client) -> None:
    """Before: merging 5 dummies into Tiny showed every cell; subtracting them gave the 3."""
    dummies = [
        {"id": f"DUMMY-{i}", "unit": "Tiny", "role": "3.2", "assessments": []} for i in range(5)
    ]
    padded = hr.post("/api/v1/workforce/import", json=dummies, headers=IMPORTER)
    assert padded.status_code == 422 and "reveal them by difference" in padded.text
    both = hr.post("/api/v1/workforce/import", json=dummies, headers=BOTH)
    assert both.status_code == 403 and both.json()["type"] == "/problems/duties-not-separated"
    assert hr.get("/api/v1/workforce/heatmap", headers=BOTH).status_code == 403
    assert hr.get("/api/v1/workforce/heatmap", headers=IMPORTER).status_code == 403
    cells = tiny_cells(hr)
    assert cells and all(c["suppressed"] for c in cells)  # nothing was written
    steward = hr.get("/api/v1/workforce/person?person=DUMMY-0", headers=STEWARD)
    assert steward.status_code == 404


def test_a_role_with_one_holder_shows_no_count(hr: httpx.Client) -> None:
    """Before: the bench said `holders: 1`."""
    board = hr.get("/api/v1/workforce/bench", headers=HR).json()
    lone = next(r for r in board["roles"] if r["role"]["code"] == LONE_ROLE)
    assert lone["holders"] is None
    one = hr.get(f"/api/v1/workforce/bench/{LONE_ROLE}", headers=HR).json()
    assert one["holders"] is None and one["candidates"] == []
    for role in board["roles"]:
        for count in (role["holders"], role["ready_now"], role["ready_soon"]):
            assert count is None or count == 0 or count >= K


def test_holders_cannot_be_derived_from_the_total(hr: httpx.Client) -> None:
    """Differencing: the people with a role minus every shown holders count is what the
    withheld ones add up to; it must never be a small group, and never one cell alone."""
    with_role = hr.get("/api/v1/workforce", headers=HR).json()["with_role"]
    roles = hr.get("/api/v1/workforce/bench", headers=HR).json()["roles"]
    withheld = [r for r in roles if r["holders"] is None]
    rest = with_role - sum(r["holders"] for r in roles if r["holders"] is not None)
    assert len(withheld) >= 2 and rest >= K


def test_no_heatmap_cell_stands_alone_in_its_column(hr: httpx.Client) -> None:
    cells = hr.get("/api/v1/workforce/heatmap", headers=HR).json()["cells"]
    by_competence: dict[str, list[dict[str, object]]] = {}
    for cell in cells:
        by_competence.setdefault(str(cell["competence"]), []).append(cell)
    for column in by_competence.values():
        withheld = [c for c in column if c["suppressed"]]
        assert len(withheld) != 1 or len(column) == 1


def test_what_if_differences_of_a_few_people_are_withheld(hr: httpx.Client) -> None:
    body = {"raises": [{"competence": "B2", "level": 4, "unit": "unit-01"}]}
    response = hr.post("/api/v1/workforce/what-if", json=body, headers=HR)
    assert response.status_code == 200, response.text
    answer = response.json()
    for change in answer["roles"]:
        before, after = change["before"]["ready_now"], change["after"]["ready_now"]
        if before is not None and after is not None:
            assert after - before == 0 or abs(after - before) >= K
    raised = answer["raises"][0]
    assert raised["raised"] is None or (
        raised["raised"] in (0, raised["people"])
        or min(raised["raised"], raised["people"] - raised["raised"]) >= K
    )


def test_the_steward_sees_the_person_and_the_audit_names_no_one(
    hr: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="careergraph.workforce.audit"):
        record = hr.get("/api/v1/workforce/person?person=TINY-0", headers=STEWARD)
        hr.post(
            "/api/v1/workforce/what-if",
            json={"raises": [{"competence": "B1", "level": 3, "unit": "Tiny"}]},
            headers=HR,
        )
    assert record.status_code == 200 and record.json()["person"]["unit"] == "Tiny"
    lines = [r.getMessage() for r in caplog.records if r.name == "careergraph.workforce.audit"]
    assert lines[0].startswith(
        "workforce export of a person, dataset cigref-2011, target person p-"
    )
    assert lines[0].endswith("by key dpo")
    assert lines[1] == "workforce what-if, dataset cigref-2011, target unit Tiny, by key hr"
    assert all("TINY-0" not in line for line in lines)
