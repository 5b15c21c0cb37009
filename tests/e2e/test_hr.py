"""The HR analytics screens end to end: the key once per session, and the API's numbers on
every screen (bench bars, heatmap, candidates, what-if), with axe finding nothing."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import WORKFORCE_KEY
from tests.e2e.flows import no_horizontal_scroll

pytestmark = pytest.mark.e2e


def enter_key(page: Any, path: str = "/hr") -> None:
    page.goto(path)
    page.get_by_label("Workforce API key").fill(WORKFORCE_KEY)
    page.get_by_role("button", name="Open HR analytics").click()
    page.get_by_role("navigation", name="HR analytics").wait_for()


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def signed(n: int | None) -> str:
    return "withheld" if n is None else f"+{n}" if n > 0 else str(n)


def figure(n: int | None) -> str:
    """A count as the screens print it (null: withheld, too few people)."""
    return "withheld" if n is None else str(n)


def test_the_key_is_asked_once_per_browser_session(
    page: Any, browser: Any, base_url: str, axe: Any, screenshot: Any
) -> None:
    page.goto("/hr")
    form = page.get_by_label("Workforce API key")
    form.wait_for()
    screenshot(page, "hr-key")
    assert axe(page, "hr-key") == []
    enter_key(page)
    page.reload()
    page.get_by_test_id("bench-summary").wait_for()  # no second ask in this session
    assert page.evaluate("Object.values(sessionStorage)") == [WORKFORCE_KEY]
    assert page.evaluate("Object.keys(localStorage)") == []
    assert WORKFORCE_KEY not in page.url
    other = browser.new_context(base_url=base_url).new_page()
    other.goto("/hr")
    other.get_by_label("Workforce API key").wait_for()  # a new session asks again
    other.context.close()
    page.get_by_role("button", name="Forget the key").click()
    page.get_by_label("Workforce API key").wait_for()
    assert page.evaluate("Object.keys(sessionStorage)") == []


def test_a_wrong_key_is_told(page: Any) -> None:
    page.goto("/hr")
    page.get_by_label("Workforce API key").fill("not-the-key")
    page.get_by_role("button", name="Open HR analytics").click()
    page.get_by_role("alert").wait_for()
    assert "Invalid X-API-Key" in page.get_by_role("alert").inner_text()


def test_bench_bars_print_the_apis_numbers(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    enter_key(page)
    board = api("/api/v1/workforce/bench")
    rows = page.locator(".bench-row")
    rows.first.wait_for()
    assert rows.count() == len(board["roles"])
    for counts in board["roles"]:
        row = page.locator(f'.bench-row[data-role="{counts["role"]["code"]}"]')
        figures = " ".join(row.locator(".bench-figures").inner_text().split())
        assert figures == (
            f"{figure(counts['ready_now'])} ready now · "
            f"{figure(counts['ready_soon'])} ready soon · {figure(counts['holders'])} hold it"
        )
    shown = [page.locator(".bench-row").nth(i).get_attribute("data-role") for i in range(3)]
    thinnest = sorted(
        board["roles"],
        key=lambda r: ((r["ready_now"] or 0) + (r["ready_soon"] or 0), r["holders"] or 0),
    )
    assert shown == [r["role"]["code"] for r in thinnest[:3]]
    screenshot(page, "hr-bench")
    assert axe(page, "hr-bench") == []


def test_the_heatmap_prints_its_numbers_and_says_why_cells_are_withheld(
    page: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    enter_key(page, "/hr")
    page.get_by_role("link", name="Heatmap").click()
    page.locator(".heat-table").wait_for()
    heatmap = api("/api/v1/workforce/heatmap")
    withheld = page.locator('td[data-suppressed="true"]')
    assert withheld.count() == heatmap["suppressed"] > 0
    small = "withheld: fewer than 5 people (the minimum group size)"
    assert page.locator('td[data-suppressed="true"]', has_text=small).count() > 0
    shown = [c for c in heatmap["cells"] if not c["suppressed"]]
    numbers = page.locator("td[data-share]")
    assert numbers.count() == len(shown)
    for index in range(0, len(shown), 37):  # a spread of cells, read as a person reads them
        cell = shown[index]
        row = page.locator("tbody tr").filter(
            has=page.get_by_role("rowheader", name=cell["unit"], exact=True)
        )
        column = heatmap["competences"].index(
            next(c for c in heatmap["competences"] if c["code"] == cell["competence"])
        )
        text = row.locator("td").nth(column).inner_text().split()
        assert text == [percent(cell["share"]), f"{cell['holding']}/{cell['people']}"]
    screenshot(page, "hr-heatmap")
    assert axe(page, "hr-heatmap") == []


def test_a_roles_candidates_and_best_raise(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    enter_key(page)
    board = api("/api/v1/workforce/bench")
    role = max(board["roles"], key=lambda r: r["ready_soon"] or 0)["role"]
    page.locator(f'.bench-row[data-role="{role["code"]}"] a').click()
    page.wait_for_url(re.compile(rf"/hr/roles/{re.escape(role['code'])}$"))
    bench = api(f"/api/v1/workforce/bench/{role['code']}?limit=50")
    page.get_by_test_id("bench-counts").wait_for()
    assert " ".join(page.get_by_test_id("bench-counts").inner_text().split()) == (
        f"{figure(bench['holders'])} hold it · {figure(bench['ready_now'])} ready now · "
        f"{figure(bench['ready_soon'])} ready soon (from 80%)"
    )
    rows = page.locator("tr[data-person]")
    assert [rows.nth(i).get_attribute("data-person") for i in range(rows.count())] == [
        c["person"] for c in bench["candidates"]
    ]
    best = api(f"/api/v1/workforce/bench/{role['code']}/best-raise")
    text = " ".join(page.get_by_test_id("best-raise").inner_text().split())
    if best["best"]:
        assert f"makes {best['best']['ready_now_added']} more ready now" in text
    else:
        assert text == f"None: {best['reason']}."
    screenshot(page, "hr-candidates")
    assert axe(page, "hr-candidates") == []


def test_what_if_shows_before_and_after(page: Any, api: Any, axe: Any, screenshot: Any) -> None:
    # The best single raise of the role with the most ready-soon people, given to all its
    # candidates: that role gains at least the ready-now people the raise promises.
    board = api("/api/v1/workforce/bench")
    role = max(board["roles"], key=lambda r: r["ready_soon"] or 0)["role"]["code"]
    best = api(f"/api/v1/workforce/bench/{role}/best-raise")["best"]
    people = [c["person"] for c in api(f"/api/v1/workforce/bench/{role}?limit=10000")["candidates"]]
    enter_key(page, "/hr")
    page.get_by_role("link", name="What if").click()
    page.get_by_label("Competence", exact=True).select_option(best["competence"]["code"])
    page.get_by_label("Level", exact=True).select_option(label=best["label"])
    page.get_by_label("some people").check()
    page.get_by_label("Person ids (separated by commas or spaces)").fill(", ".join(people))
    page.get_by_role("button", name="Add the raise").click()
    page.wait_for_url(re.compile(rf"raise={best['competence']['code']}%3A{best['level']}%3Apeople"))
    raise_ = {"competence": best["competence"]["code"], "level": best["level"], "people": people}
    answer = api("/api/v1/workforce/what-if", {"raises": [raise_]})
    summary = page.get_by_test_id("whatif-summary")
    summary.wait_for()
    changed = [c for c in answer["roles"] if c["before"] != c["after"]]
    now, soon = (signed(answer[f"ready_{k}_added"]) for k in ("now", "soon"))
    assert " ".join(summary.inner_text().split()) == (
        f"In all: {now} ready now, {soon} ready soon; "
        f"{len(changed)} of {len(answer['roles'])} roles change."
    )
    assert page.locator(".whatif-row").count() == len(changed) > 0
    target = next(c for c in answer["roles"] if c["role"]["code"] == role)
    assert target["after"]["ready_now"] - target["before"]["ready_now"] >= best["ready_now_added"]
    for change in changed[:5]:
        row = page.locator(f'.whatif-row[data-role="{change["role"]["code"]}"]')
        figures = " ".join(row.locator(".bench-figures").inner_text().split())
        assert figures.startswith(
            f"ready now {figure(change['before']['ready_now'])} → "
            f"{figure(change['after']['ready_now'])} · ready soon "
            f"{figure(change['before']['ready_soon'])} → {figure(change['after']['ready_soon'])}"
        )
    screenshot(page, "hr-whatif")
    assert axe(page, "hr-whatif") == []
    page.reload()  # the scenario is in the URL
    assert page.get_by_test_id("whatif-summary").inner_text() == summary.inner_text()
    page.get_by_role("button", name=re.compile("^Remove the raise")).click()
    assert page.locator(".whatif-row").count() == 0


def test_the_hr_screens_fit_a_phone(phone: Any, axe: Any, screenshot: Any) -> None:
    enter_key(phone)
    phone.locator(".bench-row").first.wait_for()
    assert no_horizontal_scroll(phone)
    phone.goto("/hr/heatmap")
    phone.locator(".heat-table").wait_for()
    assert no_horizontal_scroll(phone)  # the grid scrolls inside its own region
    screenshot(phone, "hr-heatmap-phone")
    assert axe(phone, "hr-heatmap-phone") == []
