"""GET /api/v1/paths: the bound it used, the default rule, an explicit max_steps honoured,
the direct move beside the paths, and a documented move's condition on its step."""

from __future__ import annotations

import httpx

from tests.api.test_errors import assert_problem

# 1.3 Business Information System Manager -> 7.2 IT Entity Manager takes 3 moves at the
# fewest over career links.
FAR = {"from": "1.3", "to": "7.2"}


def test_without_max_steps_the_answer_says_the_default_bound(client: httpx.Client) -> None:
    answer = client.get("/api/v1/paths", params=FAR).json()
    assert answer["fewest_moves"] == 3
    assert (answer["max_steps"], answer["max_steps_source"]) == (5, "default")
    assert answer["paths"] and all(len(p["steps"]) <= 5 for p in answer["paths"])
    assert min(len(p["steps"]) for p in answer["paths"]) >= 3
    assert all(s["coverage"] >= 0.6 for p in answer["paths"] for s in p["steps"])


def test_the_direct_move_stands_beside_the_paths(client: httpx.Client) -> None:
    direct = client.get("/api/v1/paths", params=FAR).json()["direct"]
    # Within reach and 5 level steps where the best path costs 13: going direct is better.
    assert direct == {
        "level_steps": 5,
        "coverage": 0.8148,
        "within_reach": True,
        "better": True,
        "text": (
            "go direct: it is within reach from here and takes 5 level steps (81% covered), "
            "fewer than the path's 13"
        ),
    }


def test_a_documented_step_carries_its_condition(client: httpx.Client) -> None:
    # No best path on the seed uses the conditional move 3.3 -> 2.2 (it is 33 level steps,
    # out of reach from 3.3 alone): a plan along it shows the condition on its step.
    params = {"from": "3.3", "to": "2.2", "path": "3.3,2.2"}
    steps = client.get("/api/v1/plan", params=params).json()["steps"]
    assert [s["condition"] for s in steps] == ["If they initially came from Business departments"]
    plain = client.get("/api/v1/plan", params={"from": "1.3", "to": "7.2"}).json()["steps"]
    assert plain and all(s["condition"] == "" for s in plain)


def test_no_chain_of_within_reach_steps_is_a_404_saying_why(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/v1/paths", params={"from": "5.2", "to": "7.4"}), 404)
    assert body["type"] == "/problems/no-path"
    assert body["detail"].startswith("No chain of within-reach steps from 5.2")
    assert "learn it directly: 33 level steps, 3% covered" in body["detail"]


def test_a_given_max_steps_is_honoured(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/v1/paths", params={**FAR, "max_steps": 2}), 404)
    assert body["type"] == "/problems/no-path"
    assert "at most 2 moves; the shortest takes 3" in body["detail"]
    answer = client.get("/api/v1/paths", params={**FAR, "max_steps": 4}).json()
    assert (answer["max_steps"], answer["max_steps_source"]) == (4, "given")
    assert all(len(p["steps"]) <= 4 for p in answer["paths"])


def test_max_steps_stays_within_1_to_10(client: httpx.Client) -> None:
    for wrong in (0, 11):
        assert_problem(client.get("/api/v1/paths", params={**FAR, "max_steps": wrong}), 422)
