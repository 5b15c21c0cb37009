"""The web UI end to end: the numbers on the pages are the API's, every view is a URL."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.flows import assert_gap_matches, no_horizontal_scroll, pick_role, serious, tab_to

pytestmark = pytest.mark.e2e


def query_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_role_and_target_show_the_apis_gap(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    page.goto("/")
    pick_role(page, "I am a", "Programmer", "Programmer")
    pick_role(page, "I want to become a", "Applications Architect", "Applications Architect")
    assert query_of(page) == {"from": ["3.2"], "to": ["3.4"]}
    screenshot(page, "start")
    assert serious(axe(page, "start")) == []
    page.get_by_role("link", name="What separates me from it").click()

    page.wait_for_url(re.compile(r"/gap\?from=3\.2&to=3\.4$"))
    page.get_by_test_id("gap-headline").wait_for()
    gap_entry = api("/api/v1/gap?from=3.2&to=3.4&basis=entry")
    assert_gap_matches(page, gap_entry)
    screenshot(page, "gap")
    assert serious(axe(page, "gap")) == []

    # a level reads e-N; hovering it shows that competence's own descriptor
    item = gap_entry["items"][0]
    code, need = item["competence"]["code"], item["need"]
    descriptor = next(
        level["descriptor"]
        for level in api(f"/api/v1/competences/{code}")["levels"]
        if level["level"] == need
    )
    badge = page.locator(f'.chart-row[data-competence="{code}"] .row-levels .level-badge').last
    assert badge.locator("button").inner_text() == f"e-{need}"
    badge.hover()
    tooltip = badge.get_by_role("tooltip")
    tooltip.wait_for(state="visible")
    # the descriptors are fetched when a tip is first wanted
    tooltip.filter(has_text=descriptor).wait_for()

    page.get_by_label(re.compile("^Mastery")).click()
    page.wait_for_url(re.compile(r"basis=mastery"))
    mastery = api("/api/v1/gap?from=3.2&to=3.4&basis=mastery")
    page.wait_for_function(
        "steps => document.querySelector('[data-testid=gap-headline]')"
        "?.textContent.startsWith(steps)",
        arg=f"{mastery['summary']['level_steps']} level step",
    )
    assert_gap_matches(page, mastery)


def test_what_to_learn_lists_the_apis_descriptors(page: Any, api: Any) -> None:
    gap = api("/api/v1/gap?from=3.2&to=3.4")
    page.goto("/gap?from=3.2&to=3.4")
    page.get_by_test_id("gap-headline").wait_for()
    to_learn = [item for item in gap["items"] if item["status"] != "met"]
    items = page.locator(".learn-list > li")
    assert items.count() == len(to_learn)
    first = max(to_learn, key=lambda item: item["delta"])
    items.first.locator("summary").click()
    detail = items.first.inner_text()
    for level in first["learn"]["levels"]:
        assert level["descriptor"] in detail
    for knowledge in first["learn"]["knowledge"]:
        assert knowledge["text"] in detail


def test_open_a_path(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    answer = api("/api/v1/paths?from=1.3&to=7.2&only_documented=false")
    page.goto("/gap?from=1.3&to=7.2")
    page.get_by_role("link", name="How do I get there").click()
    page.wait_for_url(re.compile(r"/paths\?from=1\.3&to=7\.2$"))
    cards = page.get_by_test_id("path-card")
    cards.first.wait_for()
    assert cards.count() == len(answer["paths"])
    hint = page.get_by_text(re.compile(r"^Within \d+ moves")).inner_text()
    assert hint.startswith(f"Within {answer['max_steps']} moves (the shortest takes")
    # 5 level steps direct and within reach, 13 on the best path: the page says go direct.
    direct = page.get_by_test_id("direct-move").inner_text()
    assert answer["direct"]["better"]
    assert direct.startswith(f"Going direct is better. G{answer['direct']['text'][1:]}.")
    titles = {node["code"]: node["title"] for node in api("/api/v1/graph")["nodes"]}
    for card, path in zip(cards.all(), answer["paths"], strict=True):
        chain = card.locator(".role-chain > li").all_inner_texts()
        for code, text in zip(path["roles"], chain, strict=True):
            assert titles[code] in text
        steps = card.locator(".step")
        assert steps.count() == len(path["steps"])
        for step_el, step in zip(steps.all(), path["steps"], strict=True):
            assert f"{step['cost']} level step" in step_el.locator(".cost").inner_text()
            kind = "Documented" if step["kind"] == "documented" else "Inferred"
            assert kind in step_el.locator(".kind").inner_text()
            assert f"{round(step['coverage'] * 100)}% covered" in step_el.inner_text()
            if step["kind"] == "documented":
                assert step["evidence"] in step_el.locator("blockquote").inner_text()
            else:
                assert step_el.locator("blockquote").count() == 0
    screenshot(page, "paths")
    assert serious(axe(page, "paths")) == []

    page.get_by_label("Only moves the source document names").click()
    page.wait_for_url(re.compile(r"only_documented=1"))
    documented = api("/api/v1/paths?from=1.3&to=7.2&only_documented=true")
    if documented.get("paths"):
        page.wait_for_function(
            "n => document.querySelectorAll('[data-testid=path-card]').length === n",
            arg=len(documented["paths"]),
        )
    else:  # the API answers a no-path problem; the page offers to relax the options
        page.get_by_role("heading", name=re.compile("^No path")).wait_for()
        page.get_by_role("button", name="Include inferred moves").click()
        page.wait_for_url(re.compile(r"/paths\?from=1\.3&to=7\.2$"))
        page.get_by_test_id("path-card").first.wait_for()

    page.goto("/paths?from=1.3&to=7.2")
    page.get_by_test_id("path-card").first.get_by_role(
        "link", name="Show on the career map"
    ).click()
    page.wait_for_url(re.compile(r"/map\?path="))
    page.locator("a.node").first.wait_for()
    highlighted = page.locator("a.node.highlighted").evaluate_all(
        "nodes => nodes.map(n => n.dataset.role)"
    )
    assert sorted(highlighted) == sorted(answer["paths"][0]["roles"])


def test_a_far_target_has_paths_without_choosing_a_bound(page: Any, api: Any) -> None:
    answer = api("/api/v1/paths?from=7.5&to=3.5")
    assert answer["max_steps_source"] == "default" and answer["paths"]
    page.goto("/paths?from=7.5&to=3.5")
    cards = page.get_by_test_id("path-card")
    cards.first.wait_for()
    assert cards.count() == len(answer["paths"])
    assert page.get_by_label("At most").input_value() == ""


def test_whole_map_shows_every_role_and_opens_one(
    page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    graph = api("/api/v1/graph")
    page.goto("/map?all=1&path=3.2,3.4")
    nodes = page.locator("a.node")
    nodes.first.wait_for()
    assert nodes.count() == len(graph["nodes"])
    assert page.locator("a.node-family").count() == 0
    assert page.locator("path.link").count() == len(graph["links"])
    assert page.locator('path.link.active[data-link="3.2>3.4"]').count() == sum(
        1 for link in graph["links"] if (link["source"], link["target"]) == ("3.2", "3.4")
    )
    screenshot(page, "map-all")
    assert axe(page, "map-all") == []

    layer = page.locator(".career-map svg > g")
    before = layer.get_attribute("transform")
    page.get_by_role("button", name="Zoom in").click()
    assert layer.get_attribute("transform") != before
    page.get_by_role("button", name="Reset view").click()
    assert layer.get_attribute("transform") == before

    # keyboard: the map takes arrows and +/-, and every role is a link reached by Tab
    page.locator(".career-map svg").focus()
    page.keyboard.press("+")
    page.keyboard.press("ArrowLeft")
    assert layer.get_attribute("transform") != before
    page.keyboard.press("0")
    assert layer.get_attribute("transform") == before
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.role")
    assert focused in {node["code"] for node in graph["nodes"]}
    page.keyboard.press("Enter")  # a role on the map opens its moves
    page.wait_for_url(re.compile(rf"/map\?role={re.escape(focused)}$"))
    page.go_back()
    page.locator("a.node").first.wait_for()

    title = next(node["title"] for node in graph["nodes"] if node["code"] == "3.4")
    # hiding inferred moves keeps the documented ones and the highlighted path
    page.get_by_label("Only moves the source document names").click()
    page.wait_for_url(re.compile(r"only_documented=1"))
    kept = [
        link
        for link in graph["links"]
        if link["kind"] == "documented" or (link["source"], link["target"]) == ("3.2", "3.4")
    ]
    page.wait_for_function(  # the URL changes before the map redraws
        "n => document.querySelectorAll('path.link').length === n", arg=len(kept)
    )

    page.locator('a.node[data-role="3.4"] circle').click()
    page.wait_for_url(re.compile(r"/map\?role=3\.4&only_documented=1$"))
    page.get_by_role("heading", name=re.compile(f"^From {re.escape(title)} to")).wait_for()


def test_self_assessment_gives_its_gap(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    page.goto("/assess")
    # a head start from a role held, then one competence rated higher by hand
    pick_role(page, "Start from a role I have held", "Programmer", "Programmer")
    page.get_by_role("button", name="Fill in its levels").click()
    page.get_by_role("status").filter(has_text="Filled in the entry levels of").wait_for()
    holdings = {c["code"]: c["level"] for c in api("/api/v1/roles/3.2")["competences"]}
    for code, level in holdings.items():
        rating = page.locator(f'details.rating[data-competence="{code}"] .rating-value')
        assert rating.inner_text() == f"e-{level}"
    rating = page.locator('details.rating[data-competence="B1"]')
    rating.locator("summary").click()
    rating.get_by_label(re.compile(r"^e-3\b")).check()
    profile = {**holdings, "B1": 3}
    nearest = api("/api/v1/next-moves", {"from": {"profile": profile}, "limit": 5})["moves"]
    choices = page.locator(".assess-target .next-moves li")
    page.wait_for_function(
        "title => document.querySelector('.assess-target .next-moves li')"
        "?.textContent.startsWith(title)",
        arg=nearest[0]["role"]["title"],
    )
    assert choices.count() == len(nearest)
    pick_role(page, "I want to become a", "Applications Architect", "Applications Architect")
    screenshot(page, "assess")
    assert serious(axe(page, "assess")) == []

    page.get_by_role("link", name="See my gap").click()
    page.wait_for_url(re.compile(r"/gap\?profile=.*&to=3\.4$"))
    shared = dict(entry.split(":") for entry in query_of(page)["profile"][0].split(","))
    assert {code: int(level) for code, level in shared.items()} == profile
    page.get_by_test_id("gap-headline").wait_for()
    expected = api("/api/v1/gap", {"from": {"profile": profile}, "to": "3.4", "basis": "entry"})
    assert_gap_matches(page, expected)
    screenshot(page, "gap-profile")

    page.goto("/assess")  # kept between visits
    b1 = page.locator('details.rating[data-competence="B1"]')
    b1.locator("summary").click()
    assert b1.get_by_label(re.compile(r"^e-3\b")).is_checked()
    assert "e-3" in b1.locator(".rating-value").inner_text()


def test_deep_links_load_cold(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    role = api("/api/v1/roles/3.2")
    page.goto("/roles/3.2")
    assert page.get_by_role("heading", level=1).inner_text() == role["title"]
    required = page.locator("section[aria-labelledby=competences] .requirements > li")
    assert required.count() == len(role["competences"])
    assert role["mission"] in page.locator("article").inner_text()
    moves = api("/api/v1/roles/3.2/next-moves?limit=10")["moves"]
    page.locator(".next-moves-list > li").first.wait_for()
    assert page.locator(".next-moves-list > li").count() == len(moves)
    screenshot(page, "role")
    assert serious(axe(page, "role")) == []

    first = role["competences"][0]
    page.get_by_role("link", name=re.compile(rf"^{re.escape(first['title'])}")).first.click()
    page.wait_for_url(re.compile(rf"/competences/{first['code']}$"))
    competence = api(f"/api/v1/competences/{first['code']}")
    assert page.get_by_role("heading", level=1).inner_text() == competence["title"]
    text = page.locator("article").inner_text()
    for level in competence["levels"]:
        assert level["descriptor"] in text
    assert page.locator("article .requirements > li").count() == len(competence["roles"])
    screenshot(page, "competence")
    assert serious(axe(page, "competence")) == []

    for url in ("/gap?from=3.2&to=3.4&basis=mastery", "/paths?from=3.2&to=3.4"):
        page.goto(url)
        assert page.get_by_role("heading", level=1).inner_text().startswith("From")
        assert page.url.endswith(url)


def test_next_moves_choose_a_direction_and_say_why(page: Any, api: Any) -> None:
    page.goto("/roles/4.4")
    items = page.locator(".next-moves-list > li")
    items.first.wait_for()
    default = api("/api/v1/roles/4.4/next-moves?limit=10")["moves"]
    assert default[0]["documented"] and default[0]["direction"] == "down"  # stated: shown
    assert default[0]["why"] in items.first.inner_text()
    page.get_by_label("Moves the source states").select_option("exclude")
    page.get_by_label("Direction").select_option("down")
    down = api("/api/v1/roles/4.4/next-moves?limit=10&direction=down&documented=exclude")["moves"]
    first = page.locator(".next-moves-list > li").first
    first.locator(f"a.role-link[href='/roles/{down[0]['role']['code']}']").wait_for()
    assert page.locator(".next-moves-list > li").count() == len(down)
    assert "step down" in first.inner_text()


def test_unknown_role_offers_suggestions(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    problem = api("/api/v1/roles/9.9")
    assert problem["suggestions"], "the API should suggest roles for an unknown code"
    page.goto("/roles/9.9")
    alert = page.get_by_role("alert")
    assert problem["title"] in alert.inner_text()
    links = alert.locator(".suggestions a")
    assert links.count() == len(problem["suggestions"])
    screenshot(page, "unknown-role")
    assert serious(axe(page, "unknown-role")) == []
    first = problem["suggestions"][0]
    links.first.click()
    page.wait_for_url(re.compile(rf"/roles/{re.escape(first['code'])}$"))
    assert page.get_by_role("heading", level=1).inner_text() == first["title"]

    page.goto("/gap?from=9.9&to=3.4")
    suggestion = page.get_by_role("alert").locator(".suggestions a").first
    assert suggestion.get_attribute("href") == f"/gap?from={first['code']}&to=3.4"

    page.goto("/paths?from=3.2&to=9.9")
    suggestion = page.get_by_role("alert").locator(".suggestions a").first
    assert suggestion.get_attribute("href") == f"/paths?from=3.2&to={first['code']}"


def test_phone_main_flow(phone: Any, api: Any, axe: Any, screenshot: Any) -> None:
    page = phone
    page.goto("/")
    # browse a family instead of searching, as one would with a thumb
    family = api("/api/v1/roles/3.2")["family"]["name"]
    page.locator(".family-browser summary", has_text=family).first.click()
    page.locator(".family-browser").get_by_role(
        "button", name=re.compile(r"^Programmer\b")
    ).first.click()
    for target, code in (("Applications Architect", "3.4"), ("IT Project Manager", "2.3")):
        page.get_by_role("heading", level=1).wait_for()
        change = page.get_by_role("button", name=re.compile("^Change i want to become a", re.I))
        if change.count():
            change.click()
        pick_role(page, "I want to become a", target, target)
        assert no_horizontal_scroll(page)
        screenshot(page, f"phone-start-{code}")
        page.get_by_role("link", name="What separates me from it").click()
        page.get_by_test_id("gap-headline").wait_for()
        assert_gap_matches(page, api(f"/api/v1/gap?from=3.2&to={code}"))
        assert no_horizontal_scroll(page)
        badge = page.locator(".chart-row .row-levels .level-badge").first
        badge.locator("button").tap()
        assert badge.get_by_role("tooltip").is_visible()
        assert no_horizontal_scroll(page)  # the tip is a sheet at the bottom, not off screen
        screenshot(page, f"phone-gap-{code}")
        assert serious(axe(page, f"phone-gap-{code}")) == []

        page.get_by_role("link", name="How do I get there").click()
        paths = api(f"/api/v1/paths?from=3.2&to={code}").get("paths")  # or a no-path problem
        if paths:
            page.get_by_test_id("path-card").first.wait_for()
            assert page.get_by_test_id("path-card").count() == len(paths)
        assert no_horizontal_scroll(page)
        screenshot(page, f"phone-paths-{code}")
        assert serious(axe(page, f"phone-paths-{code}")) == []
        page.goto(f"/?from=3.2&to={code}")  # back to the start, the target still chosen
        page.get_by_text(target, exact=False).first.wait_for()


@pytest.mark.parametrize(
    ("view", "url", "ready"),
    [
        ("start-empty", "/", "h1"),
        ("roles", "/roles", ".index-grid"),
        ("competences", "/competences", ".index-grid"),
        ("assess-empty", "/assess", ".rating"),
        ("gap-empty", "/gap", ".empty-state"),
        ("paths-empty", "/paths?from=3.2", ".empty-state"),
        ("not-found", "/no/such/page", ".empty-state"),
    ],
)
def test_other_views_are_accessible(
    page: Any, axe: Any, screenshot: Any, view: str, url: str, ready: str
) -> None:
    page.goto(url)
    page.locator(ready).first.wait_for()
    screenshot(page, view)
    violations = axe(page, view)
    assert serious(violations) == [], violations


def test_loading_and_a_service_outage_say_what_to_do(page: Any, api: Any) -> None:
    held: list[Any] = []
    page.route("**/api/v1/gap?*", lambda route: held.append(route))
    page.goto("/gap?from=3.2&to=3.4")
    page.get_by_role("status").filter(has_text="Loading the gap").wait_for()
    held.pop().abort()  # the service drops the request
    alert = page.get_by_role("alert")
    assert "cannot be reached" in alert.inner_text()

    page.unroute("**/api/v1/gap?*")
    alert.get_by_role("button", name="Try again").click()
    page.get_by_test_id("gap-headline").wait_for()
    assert_gap_matches(page, api("/api/v1/gap?from=3.2&to=3.4"))


def test_an_incomplete_link_leads_back_to_the_start_with_what_it_had(page: Any) -> None:
    page.goto("/paths?from=3.2")
    back = page.get_by_role("link", name="Choose roles on the start page")
    assert back.get_attribute("href") == "/?from=3.2"
    back.click()
    page.wait_for_url(re.compile(r"/\?from=3\.2$"))
    assert "Programmer" in page.locator(".picked").first.inner_text()
    assert page.get_by_label("I want to become a", exact=True).is_visible()


def test_keyboard_only_main_flow(page: Any, api: Any) -> None:
    page.goto("/")
    page.get_by_role("heading", level=1).wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for label, query in (
        ("I am a", "Programmer"),
        ("I want to become a", "Applications Architect"),
    ):
        tab_to(
            page,
            f'input[type=search][id="{page.get_by_label(label, exact=True).get_attribute("id")}"]',
        )
        page.keyboard.type(query)
        page.locator(".picker-results .role-option").first.wait_for()
        page.keyboard.press("Tab")
        assert query in page.evaluate("document.activeElement.textContent")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement?.classList.contains('picked')")
    tab_to(page, "a.button")
    assert page.evaluate("document.activeElement.textContent") == "What separates me from it"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/gap\?from=3\.2&to=3\.4$"))
    page.get_by_test_id("gap-headline").wait_for()
    assert_gap_matches(page, api("/api/v1/gap?from=3.2&to=3.4"))
