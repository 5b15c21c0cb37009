"""GET /api/v1/paths: the bound it used, the default rule, and an explicit max_steps honoured."""

from __future__ import annotations

import httpx

from tests.api.test_errors import assert_problem

# 1.1 Information Systems Consultant -> 3.2 Programmer takes 5 moves at the fewest (career
# links never step down, so the way from a senior role to a junior one is long).
FAR = {"from": "1.1", "to": "3.2"}


def test_without_max_steps_the_answer_says_the_default_bound(client: httpx.Client) -> None:
    answer = client.get("/api/v1/paths", params=FAR).json()
    assert answer["fewest_moves"] == 5
    assert (answer["max_steps"], answer["max_steps_source"]) == (7, "default")
    assert answer["paths"] and all(len(p["steps"]) <= 7 for p in answer["paths"])
    assert min(len(p["steps"]) for p in answer["paths"]) >= 5


def test_a_given_max_steps_is_honoured(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/v1/paths", params={**FAR, "max_steps": 4}), 404)
    assert body["type"] == "/problems/no-path"
    assert "at most 4 moves; the shortest takes 5" in body["detail"]
    answer = client.get("/api/v1/paths", params={**FAR, "max_steps": 6}).json()
    assert (answer["max_steps"], answer["max_steps_source"]) == (6, "given")
    assert all(len(p["steps"]) <= 6 for p in answer["paths"])


def test_max_steps_stays_within_1_to_10(client: httpx.Client) -> None:
    for wrong in (0, 11):
        assert_problem(client.get("/api/v1/paths", params={**FAR, "max_steps": wrong}), 422)
