"""The two real catalogues in the UI: O*NET 30.2 (894 roles) and ESCO v1.2.1 (2,999).

The service holds both in full, imported with their presets from the CSVs in the
skillinfer wheel (tests/e2e/datasets.py). Nobody here wrote their titles or chose their
codes, so the roles are picked by asking the API, and every figure on a page is checked
against the API's answer for the same dataset; each page credits the data as its
licence asks.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest

from graph.models import natural_key
from tests.e2e.datasets import REAL_PRESETS
from tests.e2e.flows import assert_gap_matches, serious
from tests.e2e.test_datasets_and_map import NEIGHBOURHOOD_CAP, label_overlaps, query_of

pytestmark = pytest.mark.e2e

DATASETS = sorted(REAL_PRESETS)
# The lists beside the map, and the search results, show this many at a time.
LIST_STEP, SEARCH_STEP = 25, 20
_pairs: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}


def pick_roles(api: Any, dataset: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(start, target) summaries: the role halfway down the API's list, and the first role
    after it that it cannot move to in one step but has a path to, so the path has moves."""
    if dataset not in _pairs:
        roles = api(f"/api/v1/roles?dataset={dataset}")
        assert len(roles) > 100, dataset
        start = roles[len(roles) // 2]
        sheet = api(f"/api/v1/roles/{start['code']}?dataset={dataset}")
        direct = {link["role"]["code"] for link in sheet["links_out"]}
        for target in roles[len(roles) // 2 + 1 :]:
            if target["code"] in direct:
                continue
            answer = api(
                f"/api/v1/paths?dataset={dataset}&from={start['code']}&to={target['code']}"
            )
            if answer.get("paths"):
                _pairs[dataset] = (start, target)
                break
        else:
            raise AssertionError(f"no role of {dataset} has a path from {start['code']}")
    return _pairs[dataset]


def assert_credited(page: Any, api: Any, dataset: str) -> None:
    """The footer names the dataset, its attribution and its licence, as the API gives them."""
    info = api(f"/api/v1/datasets/{dataset}")
    credit = page.get_by_test_id("attribution")
    credit.wait_for()
    text = credit.inner_text()
    assert info["name"] in text
    assert info["attribution"] in text
    assert f"Licence: {info['licence']}" in text
    assert info["dataset_version"] in text


def ordered_moves(links: list[dict[str, Any]]) -> list[str]:
    """The moves as the map orders them: documented first, then coverage, then level
    steps, then the code as people read it (the UI's compareCodes)."""
    ranked = sorted(
        links,
        key=lambda link: (
            link["kind"] != "documented",
            -link["coverage"],
            link["level_steps"],
            natural_key(link["role"]["code"]),
        ),
    )
    return [link["role"]["code"] for link in ranked]


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_gap_screen_shows_the_apis_figures(
    dataset: str, page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    start, target = pick_roles(api, dataset)
    query = f"dataset={dataset}&from={start['code']}&to={target['code']}"
    gap = api(f"/api/v1/gap?{query}")
    assert gap["items"], gap
    page.goto(f"/gap?{query}")
    page.get_by_test_id("gap-headline").wait_for()
    assert_gap_matches(page, gap)
    assert start["title"] in page.get_by_role("heading", level=1).inner_text()
    assert target["title"] in page.get_by_role("heading", level=1).inner_text()
    assert_credited(page, api, dataset)
    screenshot(page, f"gap-{dataset}")
    assert serious(axe(page, f"gap-{dataset}")) == []


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_paths_screen_shows_the_apis_first_path(
    dataset: str, page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    start, target = pick_roles(api, dataset)
    query = f"dataset={dataset}&from={start['code']}&to={target['code']}"
    answer = api(f"/api/v1/paths?{query}")
    first = answer["paths"][0]
    assert first["roles"][0] == start["code"] and first["roles"][-1] == target["code"]
    assert len(first["steps"]) >= 2  # the target is not one move away
    titles = {role["code"]: role["title"] for role in api(f"/api/v1/roles?dataset={dataset}")}
    page.goto(f"/paths?{query}")
    cards = page.get_by_test_id("path-card")
    cards.first.wait_for()
    assert cards.count() == len(answer["paths"])
    card = cards.first
    chain = card.locator(".role-chain > li").all_inner_texts()
    assert len(chain) == len(first["roles"])
    for code, text in zip(first["roles"], chain, strict=True):
        assert titles[code] in text, (code, text)
    steps = card.locator(".step")
    assert steps.count() == len(first["steps"])
    for item, step in zip(steps.all(), first["steps"], strict=True):
        title = item.locator(".step-title").inner_text()
        assert f"{titles[step['from']]} → {titles[step['to']]}" in title
        assert re.search(rf"\b{step['cost']} level steps?\b", item.locator(".cost").inner_text())
        kind = "Documented" if step["kind"] == "documented" else "Inferred"
        assert kind in item.locator(".kind").inner_text()
    moves = len(first["steps"])
    assert card.get_by_role("heading").inner_text().startswith(f"Path 1: {moves} moves")
    assert_credited(page, api, dataset)
    screenshot(page, f"paths-{dataset}")
    assert serious(axe(page, f"paths-{dataset}")) == []


@pytest.mark.parametrize("dataset", DATASETS)
def test_search_on_the_start_page_finds_a_role_by_a_word_of_its_title(
    dataset: str, page: Any, api: Any
) -> None:
    start, _ = pick_roles(api, dataset)
    word = max(re.findall(r"\w+", start["title"]), key=len).lower()
    hits = [role["code"] for role in api(f"/api/v1/roles?dataset={dataset}&q={quote(word)}")]
    assert start["code"] in hits, (word, hits[:20])
    page.goto(f"/?dataset={dataset}")
    page.get_by_label("I am a", exact=True).fill(word)
    results = page.locator(".picker-results").first
    results.locator(".role-option").first.wait_for()
    shown = results.locator(".role-option")
    assert shown.count() == min(len(hits), SEARCH_STEP)
    codes = shown.locator(".code").all_inner_texts()
    assert codes == hits[:SEARCH_STEP]
    at = hits.index(start["code"])
    for _ in range(at // SEARCH_STEP):
        results.get_by_role("button", name=re.compile("^Show")).click()
    option = shown.nth(at)
    assert " ".join(option.inner_text().split()).startswith(f"{start['title']} {start['code']}")
    option.click()
    page.wait_for_url(re.compile(rf"from={re.escape(start['code'])}"))
    assert query_of(page)["dataset"] == [dataset]
    assert start["title"] in page.locator(".picked").first.inner_text()
    assert_credited(page, api, dataset)


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_neighbourhood_map_draws(
    dataset: str, page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    start, _ = pick_roles(api, dataset)
    code = start["code"]
    role = api(f"/api/v1/roles/{code}?dataset={dataset}")
    out, into = ordered_moves(role["links_out"]), ordered_moves(role["links_in"])
    assert out and into
    page.goto(f"/map?dataset={dataset}&role={code}")
    lists = page.get_by_test_id("move-lists")
    lists.locator("li").first.wait_for()
    page.locator("a.node").first.wait_for()

    # the lists beside hold every move, best first, a page at a time
    for side, moves in (("moves-out", out), ("moves-in", into)):
        section = lists.locator(f"section[aria-labelledby={side}]")
        assert f"({len(moves)})" in section.get_by_role("heading").inner_text()
        listed = section.locator(".move-role").evaluate_all("a => a.map(x => x.dataset.role)")
        assert listed == moves[:LIST_STEP], side

    # the map draws the role and its best moves, at most NEIGHBOURHOOD_CAP a side
    left = [c for c in into if c not in set(out)]
    expected = {code, *out[:NEIGHBOURHOOD_CAP], *left[:NEIGHBOURHOOD_CAP]}
    drawn = page.locator("a.node").evaluate_all("n => n.map(x => x.dataset.role)")
    assert len(drawn) == len(set(drawn))
    assert set(drawn) == expected
    arcs = set(page.locator("path.link").evaluate_all("p => p.map(x => x.dataset.link)"))
    assert {f"{code}>{c}" for c in out[:NEIGHBOURHOOD_CAP]} <= arcs
    assert {f"{c}>{code}" for c in left[:NEIGHBOURHOOD_CAP]} <= arcs
    assert all(code in arc.split(">") for arc in arcs)
    notes = page.locator(".map-note").filter(has_text="more, listed beside").count()
    assert notes == (len(out) > NEIGHBOURHOOD_CAP) + (len(left) > NEIGHBOURHOOD_CAP)
    assert label_overlaps(page, "a.node text") == []
    assert_credited(page, api, dataset)
    screenshot(page, f"map-{dataset}")
    assert serious(axe(page, f"map-{dataset}")) == []
