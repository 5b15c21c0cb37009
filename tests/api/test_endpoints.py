"""Every endpoint of the v1 contract, over real HTTP."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import httpx
import pytest

from graph.algorithms.gap import gap
from graph.algorithms.holdings import role_holder
from graph.snapshot import Snapshot
from graph.store import GraphStore


@pytest.fixture(scope="module")
def expected(api_store: GraphStore) -> Snapshot:
    return Snapshot.build(api_store.load("cigref-2011"))


def test_health_and_ready(client: httpx.Client, expected: Snapshot) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["status"] == "ready"
    assert ready["dataset_version"] == expected.version
    assert ready["snapshot_age_s"] >= 0


def test_meta_counts(client: httpx.Client) -> None:
    meta = client.get("/api/v1/meta").json()
    counts = meta["counts"]
    assert (counts["families"], counts["roles"], counts["competences"]) == (7, 33, 36)
    assert counts["links_documented"] + counts["links_inferred"] > 33
    assert meta["batch_max"] == 50


def test_families(client: httpx.Client) -> None:
    families = client.get("/api/v1/families").json()
    assert [f["number"] for f in families] == list(range(1, 8))
    assert sum(len(f["roles"]) for f in families) == 33
    three = client.get("/api/v1/families/3").json()
    assert "3.2" in [r["code"] for r in three["roles"]]


@pytest.mark.parametrize(
    ("query", "must_contain"),
    [
        ("q=programmer", "3.2"),
        ("q=PROGRAMMER", "3.2"),
        ("q=urbaniste", "1.2"),  # an alternative title
        ("q=developer", "3.2"),  # a word form of "Development Analyst", a 3.2 alternative title
        ("family=4", "4.10"),
        ("competence=b1&min_level=4", "3.2"),  # 3.2 states B1 at e-2, e-3 and e-4
    ],
)
def test_role_filters(client: httpx.Client, query: str, must_contain: str) -> None:
    codes = [r["code"] for r in client.get(f"/api/v1/roles?{query}").json()]
    assert must_contain in codes


def test_search_ranks_title_matches_first(client: httpx.Client) -> None:
    # "Programme ..." alternative titles share the stem; the Programmer comes first.
    found = [r["code"] for r in client.get("/api/v1/roles?q=programmer").json()]
    assert found[0] == "3.2"


@pytest.mark.parametrize(("query", "first"), [("CIO", "7.1"), ("programer", "3.2")])
def test_search_finds_acronyms_and_typos_first(
    client: httpx.Client, query: str, first: str
) -> None:
    found = [r["code"] for r in client.get("/api/v1/roles", params={"q": query}).json()]
    assert found[0] == first


def test_role_filter_excludes(client: httpx.Client) -> None:
    codes = [r["code"] for r in client.get("/api/v1/roles?competence=B1&min_level=5").json()]
    assert "3.2" not in codes
    assert client.get("/api/v1/roles?q=zzzz-no-such-role").json() == []
    # min_level alone: roles requiring some competence at e-5 (3.2 tops out at e-4).
    senior = [r["code"] for r in client.get("/api/v1/roles?min_level=5").json()]
    assert senior and "3.2" not in senior


def test_role_sheet(client: httpx.Client) -> None:
    sheet = client.get("/api/v1/roles/3.2").json()
    assert sheet["title"] == "Programmer"
    b1 = next(c for c in sheet["competences"] if c["code"] == "B1")
    assert (b1["level"], b1["level_max"], b1["levels"], b1["combine"]) == (2, 4, [2, 3, 4], "and")
    assert b1["title"]
    assert sheet["links_out"] and sheet["related"]
    assert sheet["mission"]


def test_role_sheet_says_how_the_levels_are_joined(client: httpx.Client) -> None:
    # 3.4 states A6 "Level 1 / Or Level 3" and B2 at Level 4 alone
    sheet = client.get("/api/v1/roles/3.4").json()
    stated = {c["code"]: (c["levels"], c["combine"]) for c in sheet["competences"]}
    assert stated["A6"] == ([1, 3], "or")
    assert stated["B2"] == ([4], "and")
    a6 = next(c for c in sheet["competences"] if c["code"] == "A6")
    assert (a6["level"], a6["level_max"]) == (1, 3)


def test_competence_sheet_says_how_each_role_joins_the_levels(client: httpx.Client) -> None:
    roles = client.get("/api/v1/competences/D4").json()["roles"]
    stated = {r["code"]: (r["levels"], r["combine"]) for r in roles}
    assert stated["2.3"] == ([2, 3], "or")
    assert {combine for code, (_, combine) in stated.items() if code != "2.3"} == {"and"}


def test_competences(client: httpx.Client) -> None:
    listed = client.get("/api/v1/competences").json()
    assert len(listed) == 36
    a5 = client.get("/api/v1/competences/a5").json()
    assert a5["code"] == "A5" and a5["area_name"] == "PLAN"
    assert [lv["level"] for lv in a5["levels"]] == [3, 4]
    assert a5["levels"][0]["eqf"] == "6"
    assert a5["knowledge"] and a5["skills"]
    assert "3.4" in [r["code"] for r in a5["roles"]]


def test_gap_get_matches_the_algorithm(client: httpx.Client, expected: Snapshot) -> None:
    answer = client.get("/api/v1/gap", params={"from": "3.2", "to": "3.4"}).json()
    truth = gap(expected, role_holder(expected, "3.2"), "3.4").model_dump(mode="json")
    assert answer == truth
    assert answer["summary"]["level_steps"] == 5


def test_gap_post_role_and_profile(client: httpx.Client) -> None:
    by_role = client.post("/api/v1/gap", json={"from": {"role": "3.2"}, "to": "3.4"}).json()
    assert by_role["summary"]["level_steps"] == 5
    profile = {"A5": 3, "B2": 4}
    by_profile = client.post(
        "/api/v1/gap", json={"from": {"profile": profile}, "to": "3.4", "basis": "mastery"}
    ).json()
    assert by_profile["from"] == {"kind": "profile", "role": None, "holdings": profile}
    assert by_profile["basis"] == "mastery"
    assert {i["competence"]["code"] for i in by_profile["items"] if i["status"] == "met"} == {
        "A5",
        "B2",
    }


def test_batch_keeps_order_and_reports_failures_inline(client: httpx.Client) -> None:
    pairs = [
        {"from": "3.2", "to": "3.4"},
        {"from": "9.9", "to": "3.4"},
        {"from": "3.4", "to": "3.2"},
    ]
    results = client.post("/api/v1/gap/batch", json={"pairs": pairs}).json()["results"]
    assert [r.get("to", {}).get("code") for r in results] == ["3.4", None, "3.2"]
    assert results[1]["status"] == 404 and results[1]["type"] == "/problems/unknown-role"


def test_gap_csv(client: httpx.Client) -> None:
    for response in (
        client.get("/api/v1/gap", params={"from": "3.2", "to": "3.4", "format": "csv"}),
        client.get(
            "/api/v1/gap", params={"from": "3.2", "to": "3.4"}, headers={"Accept": "text/csv"}
        ),
    ):
        assert response.headers["content-type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(response.text)))
        assert [row["competence"] for row in table] == ["A5", "A6", "B2", "B3", "B4", "B5"]
        assert table[0]["delta"] == "3" and table[0]["status"] == "missing"


def test_next_moves(client: httpx.Client) -> None:
    answer = client.get("/api/v1/roles/3.2/next-moves", params={"limit": 5}).json()
    moves = answer["moves"]
    assert len(moves) == 5
    # 3.2 has no stated move: most related first, never a step down by default.
    related = [m["relatedness"] for m in moves]
    assert related == sorted(related, reverse=True)
    assert "3.2" not in [m["role"]["code"] for m in moves]
    assert all(m["direction"] != "down" and "alike in what both ask" in m["why"] for m in moves)


def test_next_moves_choose_direction_and_stated_moves(client: httpx.Client) -> None:
    url = "/api/v1/roles/4.4/next-moves"
    stated = client.get(url, params={"limit": 3}).json()["moves"][0]
    # 4.4 -> 4.1 is stated by the source, a step down: first, and says so.
    assert (stated["role"]["code"], stated["documented"], stated["direction"]) == (
        "4.1",
        True,
        "down",
    )
    assert stated["why"].startswith("the source states this move")
    alone = client.get(url, params={"limit": 32, "documented": "exclude"}).json()["moves"]
    assert "4.1" not in {m["role"]["code"] for m in alone}
    only = client.get(url, params={"documented": "only"}).json()["moves"]
    assert [m["role"]["code"] for m in only] == ["4.1"]
    down = client.get(url, params={"direction": "down", "documented": "exclude"}).json()["moves"]
    assert down and all(m["direction"] == "down" for m in down)
    body = {"from": {"role": "4.4"}, "direction": "up", "documented": "exclude", "limit": 32}
    up = client.post("/api/v1/next-moves", json=body).json()["moves"]
    assert up and all(m["direction"] == "up" for m in up)
    wrong = client.get(url, params={"direction": "sideways"})
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("application/problem+json")


def test_next_moves_from_a_profile(client: httpx.Client) -> None:
    # Holding exactly 3.2's entry levels makes the same ranking as being a 3.2.
    role_moves = client.get("/api/v1/roles/3.2/next-moves", params={"limit": 32}).json()["moves"]
    profile = client.get("/api/v1/gap", params={"from": "3.2", "to": "3.4"}).json()["from"][
        "holdings"
    ]
    answer = client.post(
        "/api/v1/next-moves", json={"from": {"profile": profile}, "limit": 33}
    ).json()
    assert answer["from"]["kind"] == "profile"
    by_profile = {m["role"]["code"]: m["coverage"] for m in answer["moves"]}
    assert by_profile.pop("3.2") == 1.0  # the profile is not that role, so 3.2 is a move
    assert by_profile == {m["role"]["code"]: m["coverage"] for m in role_moves}
    assert not any(m["documented"] for m in answer["moves"])


def test_paths(client: httpx.Client, expected: Snapshot) -> None:
    # The first link within reach (the first of all, 1.1 -> 1.2, covers 35%: no path).
    link = next(link for link in expected.links if link.coverage >= 0.6)
    answer = client.get("/api/v1/paths", params={"from": link.source, "to": link.target}).json()
    assert answer["dataset_version"] == expected.version
    first = answer["paths"][0]
    assert first["roles"][0] == link.source and first["roles"][-1] == link.target
    assert set(first["steps"][0]) >= {
        "from",
        "to",
        "kind",
        "cost",
        "coverage",
        "gains",
        "condition",
    }
    assert answer["direct"]["within_reach"] is True


def test_graph_json_and_graphml(client: httpx.Client, expected: Snapshot) -> None:
    graph = client.get("/api/v1/graph").json()
    assert len(graph["nodes"]) == 33
    assert len(graph["links"]) == len(expected.links)
    graphml = client.get("/api/v1/graph", params={"format": "graphml"})
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(graphml.content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 33
    assert len(root.findall(".//g:edge", ns)) == len(expected.links)


def test_etag_and_conditional_get(client: httpx.Client, expected: Snapshot) -> None:
    first = client.get("/api/v1/roles/3.2")
    assert first.headers["etag"] == f'"{expected.version}"'
    assert "max-age" in first.headers["cache-control"]
    again = client.get("/api/v1/roles/3.2", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    stale = client.get("/api/v1/roles/3.2", headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


def test_request_id_is_echoed_or_made(client: httpx.Client) -> None:
    assert (
        client.get("/health", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    assert len(client.get("/health").headers["x-request-id"]) == 32


def test_openapi_documents_the_contract(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/v1/gap",
        "/api/v1/gap/batch",
        "/api/v1/paths",
        "/api/v1/graph",
        "/api/v1/meta",
    ):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200
