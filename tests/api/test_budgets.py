"""Every request runs within a budget (app/request_budget.py), over real HTTP.

The service here has the seed and a synthetic catalogue of 300 roles (6,901 career
links), and an anonymous budget of 1,500 units: the seed's export (33 roles and 263
links) fits it, the synthetic one's is a bulk export that needs a key, as ESCO's does
with the default budget.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import networkx as nx
import pytest
from pydantic import SecretStr

from app import request_budget
from app.answers import answers, exports
from app.main import create_app
from app.settings import Settings
from graph.algorithms.links import release
from graph.algorithms.paths import k_best_paths
from graph.budget import Budget
from graph.datafiles import read_dataset, write_dataset
from graph.errors import Cancelled
from graph.snapshot import Snapshot
from seed import DATA_DIR
from tests.fixtures.live import serving
from tools.bench.synthetic import catalogue

KEY = {"X-API-Key": "s3cret"}
BIG = "synthetic-300"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("library")
    write_dataset(catalogue(300), folder / BIG)
    return folder


@pytest.fixture(scope="module")
def base_url(library: Path) -> Iterator[str]:
    settings = Settings(
        careergraph_datasets_dir=library,
        careergraph_api_keys=[SecretStr("ops:write:s3cret")],
        careergraph_request_units=1500,
        careergraph_reload_check_s=3600,
    )
    with serving(create_app(settings)) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=60) as http:
        yield http


@pytest.fixture(scope="module")
def big(library: Path) -> Snapshot:
    from graph.embedded import EmbeddedStore

    return Snapshot.build(EmbeddedStore.from_directories([DATA_DIR], library=library).load(BIG))


def _budget_problem(response: httpx.Response, lower: str) -> None:
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"] == "/problems/budget-exceeded"
    assert "more than 1,500 units" in problem["detail"] and lower in problem["detail"]


def test_an_anonymous_bulk_export_is_refused_and_a_keyed_one_served(
    client: httpx.Client, big: Snapshot
) -> None:
    for format in ("json", "graphml"):
        anonymous = client.get("/api/v1/graph", params={"dataset": BIG, "format": format})
        _budget_problem(anonymous, "send an API key")
        keyed = client.get("/api/v1/graph", params={"dataset": BIG, "format": format}, headers=KEY)
        assert keyed.status_code == 200
    seed_links = release(read_dataset(DATA_DIR)).links
    assert len(client.get("/api/v1/graph", headers=KEY).json()["links"]) == len(seed_links)
    assert client.get("/api/v1/graph").status_code == 200  # a small export needs no key


def test_graphml_reads_back_as_the_graph_networkx_would_write(
    client: httpx.Client, big: Snapshot
) -> None:
    body = client.get("/api/v1/graph", params={"dataset": BIG, "format": "graphml"}, headers=KEY)
    read = nx.parse_graphml(body.text)
    oracle = nx.DiGraph(dataset_version=big.version)
    for role in big.dataset.roles:
        family = big.families[role.family]
        oracle.add_node(role.code, title=role.title, family=role.family, family_name=family.name)
    for link in big.links:
        oracle.add_edge(
            link.source,
            link.target,
            kind=link.kind,
            coverage=link.coverage,
            level_steps=link.level_steps,
            evidence=link.evidence,
        )
    written = nx.parse_graphml("\n".join(nx.generate_graphml(oracle)))  # networkx's own file
    assert read.graph == written.graph
    assert dict(read.nodes(data=True)) == dict(written.nodes(data=True))
    assert {(s, t): d for s, t, d in read.edges(data=True)} == {
        (s, t): d for s, t, d in written.edges(data=True)
    }


def test_an_export_is_made_once_per_version_and_kept_gzipped(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports.clear()
    made: list[int] = []
    real = request_budget.Work.run

    async def counted(self: request_budget.Work, compute):  # type: ignore[no-untyped-def]
        made.append(1)
        return await real(self, compute)

    monkeypatch.setattr(request_budget.Work, "run", counted)
    params = {"dataset": BIG, "format": "graphml"}
    raw = httpx.get(
        f"{client.base_url}/api/v1/graph",
        params=params,
        headers={**KEY, "Accept-Encoding": "gzip"},
    )
    assert raw.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in raw.headers["vary"]
    plain = client.get(
        "/api/v1/graph", params=params, headers={**KEY, "Accept-Encoding": "identity"}
    )
    assert "content-encoding" not in plain.headers
    assert raw.content == plain.content  # httpx unpacked the first one
    assert made == [1]  # the second was served from the kept bytes
    assert len(gzip.compress(plain.content)) < len(plain.content) / 5


def test_a_request_over_its_units_says_what_to_lower_and_a_key_lifts_it(
    client: httpx.Client,
) -> None:
    # The seed's 4.10 -> 2.2 keeps about 6,600 partial paths for k=10 within 10 moves, and
    # about a dozen for the best path alone.
    params = {"from": "4.10", "to": "2.2", "k": 10, "max_steps": 10}
    _budget_problem(client.get("/api/v1/paths", params=params), "lower k or max_steps")
    keyed = client.get("/api/v1/paths", params=params, headers=KEY)
    assert keyed.status_code == 200
    seed = Snapshot.build(release(read_dataset(DATA_DIR)))
    expected = k_best_paths(seed, "4.10", "2.2", k=10, max_steps=10)
    assert keyed.json() == expected.model_dump(mode="json", by_alias=True)
    best = {"from": "4.10", "to": "2.2", "k": 1}
    assert client.get("/api/v1/paths", params=best).status_code == 200


def test_a_key_that_matches_none_gets_the_anonymous_budget(client: httpx.Client) -> None:
    answer = client.get("/api/v1/graph", params={"dataset": BIG}, headers={"X-API-Key": "wrong"})
    _budget_problem(answer, "send an API key")


def test_a_client_leaving_cancels_the_work(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The route's work stops at its next spend() once the connection drops."""
    started, stopped = threading.Event(), threading.Event()
    seen: list[Budget] = []

    def endless(*args: object, budget: Budget, **options: object) -> object:
        seen.append(budget)
        started.set()
        try:
            while True:  # keyed: 30 s of budget, far more than the client waits
                budget.spend()
                time.sleep(0.01)
        except Cancelled:
            stopped.set()
            raise

    monkeypatch.setattr("app.routers.unlocks.unlocks", endless)
    answers.clear()  # an earlier module's answer for the same question would be served kept
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(
            f"{client.base_url}/api/v1/unlocks",
            params={"from": "3.2", "limit": 3},
            headers=KEY,
            timeout=httpx.Timeout(30, read=0.5),
        )
    assert started.wait(10)
    assert stopped.wait(10), "the work went on after the client left"
    assert seen[0].cancel.is_set() and seen[0].seconds == 30


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_paths_routes_hand_their_budget_to_the_search(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    """The search spends the request's budget (graph/algorithms/paths.py counts its states)."""

    def spend_all(*args: object, budget: Budget, **options: object) -> object:
        budget.spend(budget.units + 1)
        raise AssertionError("unreachable: the budget is spent")

    monkeypatch.setattr("app.routers.career.k_best_paths", spend_all)
    monkeypatch.setattr("app.routers.career.k_best_paths_from", spend_all)
    if method == "GET":
        answer = client.get("/api/v1/paths", params={"from": "3.2", "to": "9.1", "k": 7})
    else:
        answer = client.post("/api/v1/paths", json={"from": {"role": "3.2"}, "to": "9.1", "k": 7})
    _budget_problem(answer, "k or max_steps")
