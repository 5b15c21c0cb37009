"""Bad input: each a problem+json with the right status, and never a server error."""

from __future__ import annotations

import logging

import httpx
import pytest

from tests.api.conftest import BATCH_MAX

PROBLEM = "application/problem+json"


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.text
    return body


@pytest.fixture(autouse=True)
def no_server_errors(caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.ERROR)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def test_unknown_role_suggests_nearest(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/v1/gap", params={"from": "3.9", "to": "3.4"}), 404)
    assert body["type"] == "/problems/unknown-role"
    assert body["suggestions"] and {"code", "title"} <= set(body["suggestions"][0])
    by_title = assert_problem(client.get("/api/v1/roles/programer"), 404)
    assert by_title["suggestions"][0]["code"] == "3.2"


def test_unknown_competence(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/v1/competences/B9"), 404)
    assert body["type"] == "/problems/unknown-competence" and body["suggestions"]


@pytest.mark.parametrize(
    ("profile", "status", "kind"),
    [
        ({"A1": 1}, 422, "/problems/invalid-level"),  # A1 starts at e-4
        ({"B1": 9}, 422, "/problems/invalid-level"),  # outside e-1..e-5
        ({"B1": 101}, 422, "/problems/invalid-request"),  # outside any scale (0..100)
        ({"Z9": 2}, 404, "/problems/unknown-competence"),
        ({}, 422, "/problems/invalid-request"),  # the schema asks for one entry at least
        ({"B1": 0}, 422, "/problems/invalid-profile"),
        ({"B1": "three"}, 422, "/problems/invalid-request"),
    ],
)
def test_bad_profiles(client: httpx.Client, profile: dict, status: int, kind: str) -> None:
    body = assert_problem(
        client.post("/api/v1/gap", json={"from": {"profile": profile}, "to": "3.4"}), status
    )
    assert body["type"] == kind


def test_inapplicable_level_names_valid_levels(client: httpx.Client) -> None:
    body = assert_problem(
        client.post("/api/v1/gap", json={"from": {"profile": {"A1": 1}}, "to": "3.4"}), 422
    )
    assert "e-4, e-5" in body["detail"]


@pytest.mark.parametrize(
    "payload",
    [
        b"{not json",
        b"[]",
        b'{"from": "3.2", "to": "3.4"}',
        b'{"from": {"role": 3.2}, "to": "3.4"}',
        b'{"from": {"role": "3.2"}, "to": "3.4", "basis": "expert"}',
        b'{"from": {"role": "3.2"}}',
    ],
)
def test_malformed_bodies(client: httpx.Client, payload: bytes) -> None:
    response = client.post(
        "/api/v1/gap", content=payload, headers={"Content-Type": "application/json"}
    )
    body = assert_problem(response, 422)
    assert body["errors"]


def test_oversized_batch(client: httpx.Client) -> None:
    pairs = [{"from": "3.2", "to": "3.4"}] * (BATCH_MAX + 1)
    body = assert_problem(client.post("/api/v1/gap/batch", json={"pairs": pairs}), 413)
    assert str(BATCH_MAX) in body["detail"]


def test_empty_batch(client: httpx.Client) -> None:
    assert_problem(client.post("/api/v1/gap/batch", json={"pairs": []}), 422)


def test_huge_query_strings(client: httpx.Client) -> None:
    """Long parameters are invalid (422); a query string over the limit is refused (414)."""
    assert_problem(client.get("/api/v1/gap", params={"from": "3" * 3000, "to": "3.4"}), 422)
    assert_problem(client.get("/api/v1/roles", params={"q": "x" * 3000}), 422)
    assert_problem(client.get("/api/v1/roles", params={"q": "x" * 5000}), 414)


def test_wrong_types_and_ranges(client: httpx.Client) -> None:
    assert_problem(client.get("/api/v1/roles/3.2/next-moves", params={"limit": "many"}), 422)
    assert_problem(client.get("/api/v1/paths", params={"from": "3.2", "to": "3.4", "k": 0}), 422)
    assert_problem(client.get("/api/v1/families/12"), 404)


def test_no_path_is_a_domain_error(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/v1/paths", params={"from": "3.2", "to": "3.2"}), 404)
    assert body["type"] == "/problems/no-path"


def test_unknown_routes_and_methods(client: httpx.Client) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)
    assert client.delete("/api/v1/gap").headers["allow"] == "GET, POST"
    assert_problem(client.delete("/api/v1/gap"), 405)
    assert_problem(client.get("/api/v1/gap/batch"), 405)


def test_unreadable_body(client: httpx.Client) -> None:
    response = client.post(
        "/api/v1/gap", content=b"\xff\xfe\x00", headers={"Content-Type": "application/json"}
    )
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith(PROBLEM)
