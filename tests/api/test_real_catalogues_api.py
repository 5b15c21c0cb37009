"""O*NET 30.2 and ESCO v1.2.1 in full, imported through the API (write scope) on the
embedded store, then asked gap, next moves, paths and search questions.

The Neo4j store takes slices of them (tests/neo4j/test_real_catalogues.py): seeding
their full career links into Neo4j takes far longer than a test run may.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.main import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.formats.presets import packaged_file, preset
from seed import DATA_DIR
from tests.fixtures.live import serving

KEY = "catalogues-secret"
SIZES = {"onet": (894, 68), "esco": (2999, 134)}  # O*NET: skills and knowledge, no abilities


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("library")


@pytest.fixture(scope="module")
def http(library: Path) -> Iterator[httpx.Client]:
    store = EmbeddedStore.from_directories([DATA_DIR], library=library)
    settings = Settings(careergraph_api_keys=[f"ops:write:{KEY}"], careergraph_reload_check_s=3600)
    with (
        serving(create_app(settings, store=store)) as url,
        httpx.Client(base_url=url, timeout=600) as client,
    ):
        for name in SIZES:
            answer = client.post(
                f"/api/v1/datasets?preset={name}",
                content=packaged_file(name).read_bytes(),  # gzipped, as skillinfer ships it
                headers={"X-API-Key": KEY, "Content-Type": "application/gzip"},
            )
            assert answer.status_code == 201, answer.text
        yield client


def dataset_id(name: str) -> str:
    return preset(name).options.id


@pytest.mark.parametrize("name", sorted(SIZES))
def test_imported_in_full_with_credit_and_kept_in_the_library(
    http: httpx.Client, library: Path, name: str
) -> None:
    info = http.get(f"/api/v1/datasets/{dataset_id(name)}").json()
    assert (info["counts"]["roles"], info["counts"]["competences"]) == SIZES[name]
    assert info["counts"]["links_inferred"] > info["counts"]["roles"]
    assert info["attribution"] == preset(name).options.attribution
    assert (library / dataset_id(name) / "roles.json").is_file()


@pytest.mark.parametrize(
    ("name", "source", "target", "query", "found"),
    [
        (
            "onet",
            "15-1252.00",
            "11-3021.00",
            "software",
            "15-1252.00",
        ),
        (
            "esco",
            "ict-project-manager",
            "chief-ict-security-officer",
            "ict project",
            "ict-project-manager",
        ),
    ],
)
def test_gap_next_moves_paths_and_search(
    http: httpx.Client, name: str, source: str, target: str, query: str, found: str
) -> None:
    dataset = dataset_id(name)
    gap = http.get(f"/api/v1/gap?from={source}&to={target}&dataset={dataset}")
    assert gap.status_code == 200, gap.text
    summary = gap.json()["summary"]
    assert summary["missing"] + summary["raise"] + summary["met"] == len(gap.json()["items"])
    moves = http.get(f"/api/v1/roles/{source}/next-moves?limit=5&dataset={dataset}").json()
    assert len(moves["moves"]) == 5
    assert all(m["role"]["code"] != source for m in moves["moves"])
    paths = http.get(f"/api/v1/paths?from={source}&to={target}&k=2&dataset={dataset}")
    assert paths.status_code == 200, paths.text
    assert all(p["roles"][0] == source and p["roles"][-1] == target for p in paths.json()["paths"])
    hits = [r["code"] for r in http.get(f"/api/v1/roles?q={query}&dataset={dataset}").json()]
    assert found in hits
    etag = gap.headers["etag"]
    assert etag == f'"{http.get(f"/api/v1/datasets/{dataset}").json()["dataset_version"]}"'


def test_onet_roles_answer_by_their_o_net_soc_codes(http: httpx.Client) -> None:
    dataset = dataset_id("onet")
    sheet = http.get(f"/api/v1/roles/15-1252.00?dataset={dataset}")
    assert sheet.status_code == 200, sheet.text
    assert sheet.json()["title"] == "Software Developers"
    assert sheet.json()["family"]["name"] == "Computer and Mathematical Occupations"
    families = http.get(f"/api/v1/families?dataset={dataset}").json()
    assert len(families) >= 20


def test_no_onet_gap_holds_an_ability(http: httpx.Client) -> None:
    dataset = dataset_id("onet")
    gap = http.get(f"/api/v1/gap?from=15-1252.00&to=15-1211.00&dataset={dataset}").json()
    areas = {item["competence"]["area"] for item in gap["items"]}
    assert areas <= {"Skill", "Knowledge"} and gap["items"]
    learn = [item["learn"]["levels"] for item in gap["items"] if item["status"] != "met"]
    assert learn and all(levels for levels in learn)  # O*NET's anchors say what to learn


@pytest.mark.parametrize(
    ("name", "query", "within", "code"),
    [
        ("onet", "software engineer", 3, "15-1252.00"),  # a reported title
        ("onet", "sofware enginer", 3, "15-1252.00"),
        ("onet", "DBA", 1, "15-1242.00"),
        ("esco", "software developer", 1, "software-developer"),  # the exact title first
        ("esco", "data scientist", 1, "data-scientist"),
    ],
)
def test_search_finds_what_people_type(
    http: httpx.Client, name: str, query: str, within: int, code: str
) -> None:
    params = {"q": query, "dataset": dataset_id(name)}
    found = [r["code"] for r in http.get("/api/v1/roles", params=params).json()]
    assert code in found[:within], found[:5]


def test_a_self_assessment_on_onet_reads_in_words(http: httpx.Client) -> None:
    dataset = dataset_id("onet")
    competences = http.get(f"/api/v1/competences?include=levels&dataset={dataset}").json()
    programming = next(c for c in competences if c["code"] == "skill-programming")
    labels = [level["label"] for level in programming["descriptors"]]
    assert labels == ["Basic", "Intermediate", "Advanced"]
    assert all("For example:" in level["descriptor"] for level in programming["descriptors"])
    answer = http.post(
        "/api/v1/gap",
        json={
            "dataset": dataset,
            "from": {"profile": {"skill-programming": 1, "knowledge-mathematics": 2}},
            "to": "15-1252.00",
        },
    )
    assert answer.status_code == 200, answer.text
    item = next(i for i in answer.json()["items"] if i["competence"]["code"] == "skill-programming")
    assert item["have"] == 1 and item["status"] == "raise"
    taught = [level["label"] for level in item["learn"]["levels"]]
    assert taught == ["Intermediate", "Advanced"][: item["need"] - 1]
