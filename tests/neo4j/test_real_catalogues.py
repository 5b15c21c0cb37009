"""O*NET and ESCO on Neo4j, through the API (write scope) and the CLI.

At full size the seeding of their career links takes minutes to hours (the MERGE of
140,174 O*NET links runs at ~40 a second here: reported, not hidden), so this suite
loads the first occupations of each file, every feature kept, with the presets'
defaults; the full catalogues are imported and queried on the embedded store
(tests/api/test_real_catalogues_api.py).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from app.main import create_app
from app.settings import Settings
from graph.formats.presets import packaged_file
from graph.neo4j.store import Neo4jStore
from tests.fixtures.live import serving
from tests.neo4j.conftest import Cli

pytestmark = pytest.mark.neo4j

KEY = "catalogues-secret"
OCCUPATIONS = 40
SLICES = {"onet": "onet-slice", "esco": "esco-slice"}


def head(name: str, rows: int) -> bytes:
    """The file's header and its first `rows` occupations."""
    lines = gzip.decompress(packaged_file(name).read_bytes()).splitlines(keepends=True)
    return b"".join(lines[: rows + 1])


@pytest.fixture(scope="module")
def store(neo4j_driver: Driver, neo4j_database: str) -> Iterator[Neo4jStore]:
    from tests.fixtures.stores import seeded

    opened = seeded(Neo4jStore(neo4j_driver, database=neo4j_database), neo4j_driver, neo4j_database)
    yield opened
    for dataset in SLICES.values():
        opened.remove(dataset)


@pytest.fixture(scope="module")
def http(store: Neo4jStore) -> Iterator[httpx.Client]:
    settings = Settings(careergraph_api_keys=[f"ops:write:{KEY}"], careergraph_reload_check_s=3600)
    with (
        serving(create_app(settings, store=store)) as url,
        httpx.Client(base_url=url, timeout=600) as client,
    ):
        for name, dataset in SLICES.items():
            answer = client.post(
                f"/api/v1/datasets?preset={name}&id={dataset}",
                content=head(name, OCCUPATIONS),
                headers={"X-API-Key": KEY, "Content-Type": "text/csv"},
            )
            assert answer.status_code == 201, answer.text
        yield client


@pytest.mark.parametrize("name", sorted(SLICES))
def test_a_slice_is_stored_and_credited(http: httpx.Client, store: Neo4jStore, name: str) -> None:
    dataset = SLICES[name]
    info = http.get(f"/api/v1/datasets/{dataset}").json()
    assert info["counts"]["roles"] == OCCUPATIONS
    assert info["counts"]["competences"] == {"onet": 68, "esco": 134}[name]  # no abilities
    assert info["dataset_version"] == store.versions()[dataset]
    assert ("USDOL/ETA" if name == "onet" else "European Commission") in info["attribution"]


@pytest.mark.parametrize("name", sorted(SLICES))
def test_gap_moves_paths_and_search_answer(http: httpx.Client, name: str) -> None:
    dataset = SLICES[name]
    roles = http.get(f"/api/v1/roles?dataset={dataset}").json()
    source = roles[0]["code"]
    sheet = http.get(f"/api/v1/roles/{source}?dataset={dataset}").json()
    # A path's every step must be within reach: aim at a link that is (60% covered).
    reachable = [link for link in sheet["links_out"] if link["coverage"] >= 0.6]
    target = (reachable or sheet["links_out"])[-1]["role"]["code"]

    gap = http.get(f"/api/v1/gap?from={source}&to={target}&dataset={dataset}")
    assert gap.status_code == 200 and gap.json()["to"]["code"] == target
    moves = http.get(f"/api/v1/roles/{source}/next-moves?limit=5&dataset={dataset}").json()
    assert 1 <= len(moves["moves"]) <= 5
    paths = http.get(f"/api/v1/paths?from={source}&to={target}&dataset={dataset}").json()
    if not reachable:  # no link within reach: the answer says so and what going direct takes
        assert paths["type"] == "/problems/no-path" and "learn it directly" in paths["detail"]
    else:
        assert [p["roles"][0] for p in paths["paths"]] == [source] * len(paths["paths"])
        assert paths["paths"] and all(p["roles"][-1] == target for p in paths["paths"])
    word = roles[1]["title"].split()[0]
    found = http.get(f"/api/v1/roles?q={word}&dataset={dataset}").json()
    assert roles[1]["code"] in [r["code"] for r in found]


def test_the_cli_answers_on_neo4j_as_the_api_does(
    http: httpx.Client, careergraph: Cli, tmp_path: Path
) -> None:
    dataset = SLICES["onet"]
    roles = http.get(f"/api/v1/roles?dataset={dataset}").json()
    source, target = roles[0]["code"], roles[1]["code"]
    done = careergraph("gap", source, target, "--dataset", dataset, "--json")
    assert done.returncode == 0, done.stderr
    api = http.get(f"/api/v1/gap?from={source}&to={target}&dataset={dataset}").json()
    assert json.loads(done.stdout)["items"] == api["items"]

    listed = careergraph("dataset", "list")
    assert listed.returncode == 0 and dataset in listed.stdout
    exported = careergraph("dataset", "export", dataset, str(tmp_path), "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    assert "skill-programming" in (tmp_path / "competences.csv").read_text()


def test_the_onet_slice_reads_back_whole_with_job_zones_and_related_links(
    http: httpx.Client, store: Neo4jStore
) -> None:
    from graph.formats.bundles import Bundle
    from graph.formats.importing import import_bundle
    from graph.formats.presets import preset

    dataset = SLICES["onet"]
    files = {"onet.csv": head("onet", OCCUPATIONS)}
    expected = import_bundle(
        Bundle("slice", files), "matrix", options=preset("onet").options, dataset_id=dataset
    ).dataset
    read_back = store.load(dataset).dataset
    assert read_back == expected
    assert all(role.job_zone is not None for role in read_back.roles)
    assert read_back.links and all(
        link.evidence.quote.startswith("O*NET Related Occupations") for link in read_back.links
    )


def test_the_next_moves_twin_ranks_as_the_api_where_job_zones_decide(
    http: httpx.Client, neo4j_driver: Driver, neo4j_database: str
) -> None:
    """cypher/library/next_moves.cypher against the API's default next moves, every role of
    the O*NET slice: Job Zones decide the direction, the stated Related Occupations go first."""
    from graph.neo4j.library import library, library_params

    dataset = SLICES["onet"]
    query = library()["next_moves"]
    codes = [role["code"] for role in http.get(f"/api/v1/roles?dataset={dataset}").json()]
    everyone = len(codes) - 1
    fields = ("relatedness", "direction", "coverage", "level_steps", "documented")
    directions: set[str] = set()
    stated = 0
    with neo4j_driver.session(database=neo4j_database) as session:
        for source in codes:
            answer = http.get(
                f"/api/v1/roles/{source}/next-moves?limit={everyone}&dataset={dataset}"
            ).json()["moves"]
            expected = [(m["role"]["code"], *(m[f] for f in fields)) for m in answer]
            params = library_params(
                query, {"source": source, "limit": everyone}, default_dataset=dataset
            )
            got = [(r["code"], *(r[f] for f in fields)) for r in session.run(query.query, params)]
            assert got == expected, source
            directions |= {m["direction"] for m in answer}
            stated += sum(m["documented"] for m in answer)
    assert directions == {"up", "lateral", "down"} and stated > 0  # every branch was compared
