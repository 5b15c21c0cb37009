"""Several datasets in the UI, and the career map that reads at any size.

The service holds the seed (CIGREF + e-CF), a small dataset unlike it (four word-labelled
levels, areas and codes that are words) and one of 3,000 roles (tests/e2e/datasets.py).
Every figure on a page is checked against the API's answer for the same dataset.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import pytest

from tests.e2e.datasets import LARGE_ID, SMALL_ID, SMALL_SCALE
from tests.e2e.flows import assert_gap_matches, no_horizontal_scroll

pytestmark = pytest.mark.e2e

# The map draws at most this many rows a side of a neighbourhood (NEIGHBOURHOOD_CAP).
NEIGHBOURHOOD_CAP = 20


def query_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def label_overlaps(page: Any, selector: str) -> list[str]:
    """Pairs of drawn labels whose boxes (as the browser lays the text out) overlap."""
    return list(
        page.evaluate(
            """selector => {
                const boxes = [...document.querySelectorAll(selector)]
                    .filter(t => getComputedStyle(t).display !== 'none')
                    .map(t => ({ text: t.textContent, box: t.getBoundingClientRect() }));
                const hits = [];
                for (let i = 0; i < boxes.length; i++)
                    for (let j = i + 1; j < boxes.length; j++) {
                        const [a, b] = [boxes[i].box, boxes[j].box];
                        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                            a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                            hits.push(boxes[i].text + ' / ' + boxes[j].text);
                    }
                return hits;
            }""",
            selector,
        )
    )


def ordered_moves(links: list[dict[str, Any]]) -> list[str]:
    """The moves as the map orders them: documented first, then coverage, then level steps."""
    ranked = sorted(
        links,
        key=lambda link: (link["kind"] != "documented", -link["coverage"], link["level_steps"]),
    )
    return [link["role"]["code"] for link in ranked]


# --- several datasets -----------------------------------------------------------------


@pytest.mark.parametrize("device", ["page", "phone"])
def test_the_picker_switches_datasets_and_links_keep_it(
    device: str, request: pytest.FixtureRequest, api: Any, axe: Any, screenshot: Any
) -> None:
    page = request.getfixturevalue(device)
    datasets = {d["id"]: d for d in api("/api/v1/datasets")}
    assert {SMALL_ID, LARGE_ID} <= set(datasets)
    small = datasets[SMALL_ID]
    page.goto("/roles")
    picker = page.get_by_label("Dataset")
    picker.locator("option").nth(len(datasets) - 1).wait_for(state="attached")
    options = picker.locator("option").evaluate_all("o => o.map(x => x.textContent)")
    assert sorted(options) == sorted(d["name"] for d in datasets.values())
    picker.select_option(SMALL_ID)
    page.wait_for_url(re.compile(rf"/roles\?dataset={SMALL_ID}$"))
    page.get_by_text(f"The {small['counts']['roles']} roles of {small['name']}").wait_for()
    roles = api(f"/api/v1/roles?dataset={SMALL_ID}")
    links = page.locator(".index-grid a.role-link")
    links.nth(len(roles) - 1).wait_for()
    # A code follows its title only when short (frontend/src/lib/codes.ts: long codes and
    # slugs only repeat the title in a harder form).
    named = [f"{r['title']} {r['code']}" if len(r["code"]) <= 6 else r["title"] for r in roles]
    assert sorted(links.all_inner_texts()) == sorted(named)
    for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert href.endswith(f"?dataset={SMALL_ID}"), href
    assert small["attribution"] in page.get_by_test_id("attribution").inner_text()
    if device == "phone":
        assert no_horizontal_scroll(page)
    screenshot(page, f"{device}-dataset-small-roles")
    assert axe(page, f"{device}-dataset-small-roles") == []

    # every link carries the dataset on: the nav, a role sheet, and back
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Competences").click()
    page.wait_for_url(re.compile(rf"/competences\?dataset={SMALL_ID}$"))
    competences = api(f"/api/v1/competences?dataset={SMALL_ID}")
    page.locator(".index-grid a.competence-link").nth(len(competences) - 1).wait_for()
    assert page.locator(".index-grid a.competence-link").count() == len(competences)
    assert [h.strip() for h in page.locator(".index-grid h2").all_inner_texts()] == [
        a["name"] for a in small["areas"]
    ]

    # back to the default: the dataset leaves the URL, the seed's roles come back
    default = next(d for d in datasets.values() if d["default"])
    page.get_by_label("Dataset").select_option(default["id"])
    page.wait_for_url(re.compile(r"/competences$"))
    seed = api("/api/v1/competences")
    page.locator(".index-grid a.competence-link").nth(len(seed) - 1).wait_for()
    assert page.locator(".index-grid a.competence-link").count() == len(seed)

    page.goto("/roles?dataset=no-such-dataset")
    alert = page.get_by_role("alert")
    assert "Unknown dataset" in alert.inner_text()
    assert alert.get_by_role("link").count() == len(datasets)


@pytest.mark.parametrize("device", ["page", "phone"])
def test_levels_read_in_the_datasets_own_scale(
    device: str, request: pytest.FixtureRequest, api: Any, axe: Any, screenshot: Any
) -> None:
    page = request.getfixturevalue(device)
    start, target = "bench-apprentice", "bench-journeyman"
    gap = api(f"/api/v1/gap?from={start}&to={target}&dataset={SMALL_ID}")
    page.goto(f"/gap?from={start}&to={target}&dataset={SMALL_ID}")
    page.get_by_test_id("gap-headline").wait_for()
    assert_gap_matches(page, gap)
    labels = list(SMALL_SCALE)
    for item in gap["items"]:
        row = page.locator(f'.chart-row[data-competence="{item["competence"]["code"]}"]')
        badges = row.locator(".row-levels button.level").all_inner_texts()
        expected = [labels[item["have"] - 1]] if item["have"] else []
        assert badges == [*expected, labels[item["need"] - 1]]
        assert (
            row.get_by_role("img")
            .get_attribute("aria-label")
            .endswith(f"need {labels[item['need'] - 1]}")
        )
    assert not page.get_by_text(re.compile(r"\be-[1-5]\b")).count()
    if device == "page":
        assert page.locator(".legend-axis").inner_text().split() == labels
    else:
        assert no_horizontal_scroll(page)
    screenshot(page, f"{device}-gap-small-dataset")
    assert axe(page, f"{device}-gap-small-dataset") == []

    # a competence whose code has a colon: its sheet, its levels in the scale's words
    code = gap["items"][0]["competence"]["code"]
    sheet = api(f"/api/v1/competences/{quote(code)}?dataset={SMALL_ID}")
    page.locator(f'.chart-row[data-competence="{code}"] a.competence-link').click()
    page.wait_for_url(re.compile(rf"/competences/{re.escape(quote(code, safe=''))}\?dataset="))
    assert page.get_by_role("heading", level=1).inner_text() == sheet["title"]
    assert [t.strip() for t in page.locator(".level-list dt").all_inner_texts()] == [
        level["label"] for level in sheet["levels"]
    ]


# --- the map ---------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["page", "phone"])
def test_a_roles_neighbourhood_with_its_moves_listed(
    device: str, request: pytest.FixtureRequest, api: Any, axe: Any, screenshot: Any
) -> None:
    page = request.getfixturevalue(device)
    code = "2.1"  # a role with documented moves both ways
    role = api(f"/api/v1/roles/{code}")
    page.goto(f"/map?role={code}")
    lists = page.get_by_test_id("move-lists")
    lists.locator("li").first.wait_for()

    # the list beside has every move, documented first, then the closest
    out = lists.locator("section[aria-labelledby=moves-out] .move-role")
    into = lists.locator("section[aria-labelledby=moves-in] .move-role")
    assert out.evaluate_all("a => a.map(x => x.dataset.role)") == ordered_moves(role["links_out"])
    assert into.evaluate_all("a => a.map(x => x.dataset.role)") == ordered_moves(role["links_in"])
    assert any(link["kind"] == "documented" for link in role["links_out"] + role["links_in"])

    # the map draws the same moves: the role, what leads to it, what it leads to
    drawn = set(page.locator("a.node").evaluate_all("n => n.map(x => x.dataset.role)"))
    neighbours = {link["role"]["code"] for link in role["links_out"] + role["links_in"]}
    assert drawn == {code, *neighbours}
    arcs = set(page.locator("path.link").evaluate_all("p => p.map(x => x.dataset.link)"))
    assert arcs == {f"{code}>{link['role']['code']}" for link in role["links_out"]} | {
        f"{link['role']['code']}>{code}" for link in role["links_in"]
    }
    assert label_overlaps(page, "a.node text") == []
    if device == "phone":
        assert no_horizontal_scroll(page)
    screenshot(page, f"{device}-map-role")
    assert axe(page, f"{device}-map-role") == []

    # keyboard: Tab reaches the role first, then its neighbours; Enter opens a neighbour's moves
    page.locator(".career-map svg").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.role") == code
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.role")
    assert focused in neighbours
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/map\?role={re.escape(focused)}$"))
    title = api(f"/api/v1/roles/{focused}")["title"]
    page.get_by_role("heading", name=f"From {title} to").wait_for()


def test_a_busy_role_on_3000_roles_draws_its_best_moves_and_lists_them_all(
    page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    graph = api(f"/api/v1/graph?dataset={LARGE_ID}")
    code, count = Counter(link["target"] for link in graph["links"]).most_common(1)[0]
    role = api(f"/api/v1/roles/{code}?dataset={LARGE_ID}")
    assert count > NEIGHBOURHOOD_CAP
    page.goto(f"/map?role={code}&dataset={LARGE_ID}")
    into = page.locator("section[aria-labelledby=moves-in]")
    into.locator("li").first.wait_for()
    more = into.get_by_role("button", name=re.compile("^Show"))
    for shown in range(25, len(role["links_in"]), 25):  # the list shows 25 at a time
        into.locator(".move-role").nth(shown - 1).wait_for()
        more.click()
    into.locator(".move-role").nth(len(role["links_in"]) - 1).wait_for()
    assert into.locator(".move-role").count() == len(role["links_in"])
    assert more.count() == 0
    nodes = page.locator("a.node").count()
    assert nodes <= 1 + 2 * NEIGHBOURHOOD_CAP
    assert page.locator(".map-note").filter(has_text="more, listed beside").count() >= 1
    assert label_overlaps(page, "a.node text") == []
    screenshot(page, "map-role-3000")
    assert axe(page, "map-role-3000") == []

    # the whole map of 3,000 roles is refused, with a way on
    page.goto(f"/map?all=1&dataset={LARGE_ID}")
    refused = page.get_by_test_id("map-too-large")
    refused.wait_for()
    assert "3000 roles" in refused.inner_text()
    assert page.locator(".career-map").count() == 0
    screenshot(page, "map-too-large")
    assert axe(page, "map-too-large") == []


@pytest.mark.parametrize("device", ["page", "phone"])
def test_families_fold_and_expand(
    device: str, request: pytest.FixtureRequest, api: Any, axe: Any, screenshot: Any
) -> None:
    page = request.getfixturevalue(device)
    graph = api("/api/v1/graph")
    families = api("/api/v1/families")
    family_of = {node["code"]: node["family_code"] for node in graph["nodes"]}
    page.goto("/map")
    folded = page.locator("a.node-family")
    folded.first.wait_for()
    assert folded.count() == len(families)
    assert page.locator("a.node[data-role]").count() == 0
    # each arrow between folded families counts the moves between them
    between = Counter(
        (family_of[link["source"]], family_of[link["target"]])
        for link in graph["links"]
        if family_of[link["source"]] != family_of[link["target"]]
    )
    for key, count in page.locator("path.link").evaluate_all(
        "p => p.map(x => [x.dataset.link, Number(x.dataset.count)])"
    ):
        source, target = (part.removeprefix("family:") for part in key.split(">"))
        assert between[source, target] == count, key
    if device == "phone":
        assert no_horizontal_scroll(page)
    screenshot(page, f"{device}-map-families")
    assert axe(page, f"{device}-map-families") == []

    # expanding a family (its node is a link) draws its roles, the others stay folded
    family = "3"
    page.locator(f'a.node[data-family="{family}"] circle').click()
    page.wait_for_url(re.compile(rf"/map\?family={family}$"))
    page.locator("a.node[data-role]").first.wait_for()
    members = {code for code, f in family_of.items() if f == family}
    drawn = set(page.locator("a.node[data-role]").evaluate_all("n => n.map(x => x.dataset.role)"))
    assert drawn == members
    assert page.locator("a.node-family").count() == len(families) - 1
    inside = {
        f"{link['source']}>{link['target']}"
        for link in graph["links"]
        if link["source"] in members and link["target"] in members
    }
    arcs = set(page.locator("path.link").evaluate_all("p => p.map(x => x.dataset.link)"))
    assert inside <= arcs
    screenshot(page, f"{device}-map-family-expanded")
    assert axe(page, f"{device}-map-family-expanded") == []

    # by keyboard too: the list of families expands and folds them
    page.locator(f'.family-list a[data-fold="{family}"]').click()
    page.wait_for_url(re.compile(r"/map$"))
    page.locator(f'.family-list a[data-expand="{family}"]').wait_for()
    assert page.locator("a.node[data-role]").count() == 0


def test_a_path_on_the_map(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    path = api("/api/v1/paths?from=1.3&to=2.3")["paths"][0]
    page.goto(f"/map?path={','.join(path['roles'])}")
    page.locator("a.node").first.wait_for()
    assert page.locator("a.node").evaluate_all("n => n.map(x => x.dataset.role)") == path["roles"]
    steps = page.locator(".move-list > li")
    assert steps.count() == len(path["steps"])
    for step, item in zip(path["steps"], steps.all(), strict=True):
        kind = "Documented" if step["kind"] == "documented" else "Inferred"
        assert kind in item.inner_text()
    screenshot(page, "map-path")
    assert axe(page, "map-path") == []


def test_search_and_browse_stay_short_on_3000_roles(
    page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    families = api(f"/api/v1/families?dataset={LARGE_ID}")
    page.goto(f"/?dataset={LARGE_ID}")
    browser = page.locator(".family-browser").first
    browser.locator("summary").first.wait_for()
    assert browser.locator("summary").count() == len(families)
    assert browser.locator(".role-option").count() == 0  # a family renders its roles once opened
    browser.locator("summary").first.click()
    browser.locator(".role-option").nth(19).wait_for()
    assert browser.locator(".role-option").count() == 20
    assert browser.get_by_role("button", name="Show 20 more roles").count() == 1

    matches = api(f"/api/v1/roles?q=analyst&dataset={LARGE_ID}")
    assert len(matches) > 40
    page.get_by_label("I am a", exact=True).fill("analyst")
    results = page.locator(".picker-results").first
    results.locator(".role-option").first.wait_for()
    assert results.locator(".role-option").count() == 20
    results.get_by_role("button", name="Show 20 more roles").click()
    results.locator(".role-option").nth(39).wait_for()
    assert results.locator(".role-option").count() == 40
    screenshot(page, "start-3000-roles")
    assert axe(page, "start-3000-roles") == []
    first = matches[0]
    results.locator(".role-option").first.click()
    page.wait_for_url(re.compile(rf"from={re.escape(first['code'])}&dataset={LARGE_ID}$"))
    assert query_of(page)["dataset"] == [LARGE_ID]
