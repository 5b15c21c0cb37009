"""Answers served as pre-serialised (and cached) JSON are byte for byte the response models'.

Routes return the JSON bytes of their answers (app/answers.py) instead of the model, so
FastAPI no longer serialises them; these bytes must stay exactly what the response
model's serialisation gives, served fresh or again from the cache.
"""

from __future__ import annotations

import httpx
import pytest

from app.answers import answers
from app.problems import problem_of
from app.schemas import BatchAnswer
from app.views import role_sheet
from graph.algorithms.gap import gap
from graph.algorithms.holdings import profile_holder, role_holder
from graph.algorithms.moves import next_moves
from graph.algorithms.paths import k_best_paths
from graph.errors import CareerGraphError
from graph.results import GapReport
from graph.snapshot import Snapshot
from graph.store import GraphStore


@pytest.fixture(scope="module")
def expected(api_store: GraphStore) -> Snapshot:
    return Snapshot.build(api_store.load("cigref-2011"))


def _twice(client: httpx.Client, method: str, path: str, **options: object) -> bytes:
    """The body served fresh (cache emptied), checked equal to the body served again."""
    answers.clear()
    fresh = client.request(method, path, **options)  # type: ignore[arg-type]
    again = client.request(method, path, **options)  # type: ignore[arg-type]
    assert fresh.status_code == again.status_code == 200
    assert fresh.headers["content-type"] == "application/json"
    assert fresh.content == again.content
    return fresh.content


def test_gap_answers_are_the_models_json(client: httpx.Client, expected: Snapshot) -> None:
    body = _twice(client, "GET", "/api/v1/gap", params={"from": "3.2", "to": "3.4"})
    assert body == gap(expected, role_holder(expected, "3.2"), "3.4").model_dump_json().encode()
    profile = {"B1": 3, "B2": 2, "A6": 1}
    body = _twice(client, "POST", "/api/v1/gap", json={"from": {"profile": profile}, "to": "3.4"})
    report = gap(expected, profile_holder(expected, profile), "3.4")
    assert body == report.model_dump_json().encode()


def test_moves_paths_and_sheets_are_the_models_json(
    client: httpx.Client, expected: Snapshot
) -> None:
    body = _twice(client, "GET", "/api/v1/roles/3.2/next-moves", params={"limit": 7})
    assert (
        body
        == next_moves(expected, role_holder(expected, "3.2"), limit=7).model_dump_json().encode()
    )
    body = _twice(client, "GET", "/api/v1/paths", params={"from": "1.3", "to": "2.3", "k": 2})
    assert body == k_best_paths(expected, "1.3", "2.3", k=2).model_dump_json().encode()
    body = _twice(client, "GET", "/api/v1/roles/3.2")
    assert body == role_sheet(expected, expected.role("3.2")).model_dump_json().encode()


def test_a_batch_is_the_whole_answers_json(client: httpx.Client, expected: Snapshot) -> None:
    pairs = [("3.2", "3.4", "entry"), ("9.9", "3.4", "entry"), ("3.4", "3.2", "mastery")]
    body = _twice(
        client,
        "POST",
        "/api/v1/gap/batch",
        json={"pairs": [{"from": a, "to": b, "basis": basis} for a, b, basis in pairs]},
    )
    results: list[object] = []
    for a, b, basis in pairs:
        try:
            results.append(gap(expected, role_holder(expected, a), b, basis=basis))  # type: ignore[arg-type]
        except CareerGraphError as error:
            results.append(problem_of(error))
    whole = BatchAnswer(dataset_version=expected.version, results=results)  # type: ignore[arg-type]
    assert body == whole.model_dump_json(exclude_none=True).encode()
    assert isinstance(results[0], GapReport) and not isinstance(results[1], GapReport)


def test_an_unknown_role_is_a_problem_and_is_not_kept(client: httpx.Client) -> None:
    answers.clear()
    for _ in range(2):
        response = client.get("/api/v1/gap", params={"from": "3.2", "to": "9.9"})
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")
    assert len(answers) == 0
