"""The words beside the figures, over HTTP: one within-reach threshold in every answer that
says "within reach", and a path step's evidence stating the step's own level steps."""

from __future__ import annotations

import re

import httpx

from tests.api.test_paths_api import FAR


def threshold(client: httpx.Client) -> float:
    """The within-reach threshold the service states for the dataset it serves."""
    meta = client.get("/api/v1/meta").json()
    listed = {d["id"]: d["within_reach"] for d in client.get("/api/v1/datasets").json()}
    assert listed[meta["id"]] == meta["within_reach"]
    return float(meta["within_reach"])


def test_every_within_reach_answer_uses_the_one_threshold(client: httpx.Client) -> None:
    limit = threshold(client)
    assert limit == 0.6  # LinkPolicy.threshold
    unlocks = client.get("/api/v1/unlocks", params={"from": "4.2", "limit": 50}).json()
    assert unlocks["threshold"] == limit
    brought = [u for r in unlocks["raises"] for u in r["unlocks"]]
    assert brought and all(u["coverage_before"] < limit <= u["coverage_after"] for u in brought)

    compared = client.get("/api/v1/compare", params={"from": "3.2", "to": "3.3,3.4,2.3,6.2"})
    targets = compared.json()["targets"]
    assert {t["within_reach"] for t in targets} == {True, False}  # both sides are tried
    assert all(t["within_reach"] == (t["summary"]["coverage"] >= limit) for t in targets)

    reach = set()
    for pair in (FAR, {"from": "3.2", "to": "3.4"}, {"from": "1.3", "to": "2.2"}):
        answer = client.get("/api/v1/paths", params=pair).json()
        direct = answer["direct"]
        reach.add(direct["within_reach"])
        assert direct["within_reach"] == (direct["coverage"] >= limit)
        assert all(s["coverage"] >= limit for p in answer["paths"] for s in p["steps"])
    assert reach == {True, False}


def test_a_steps_evidence_states_the_steps_own_level_steps(client: httpx.Client) -> None:
    # 1.3 -> 7.1 -> 7.4 -> 7.2: from 7.1 alone 7.4 is 12 level steps away, but 4 from all
    # held by then; the step costs 4 and its evidence says 4.
    answer = client.get("/api/v1/paths", params=FAR).json()
    steps = [s for p in answer["paths"] for s in p["steps"] if s["kind"] == "inferred"]
    assert len(steps) >= 5
    for step in steps:
        stated = re.search(r"(\d+) level steps? to go", step["evidence"])
        assert stated is not None and int(stated[1]) == step["cost"], step
    later = [s for p in answer["paths"] for s in p["steps"][1:] if s["kind"] == "inferred"]
    assert later and all("from all held so far" in s["evidence"] for s in later)
    plan = client.get("/api/v1/plan", params=FAR).json()
    assert [s["evidence"] for s in plan["steps"]] == [
        s["evidence"] for s in answer["paths"][0]["steps"]
    ]
    assert plan["direct"]["better"] is True
