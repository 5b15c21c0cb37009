"""What a person does on the pages, in one place, so tests read as the flow they check."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.layout import overflow

HEADLINE = re.compile(r"^(?:(\d+) level steps? to go|Nothing left to learn), (\d+)% covered$")


def pick_role(page: Any, label: str, query: str, title: str) -> None:
    """Search a role picker by title and choose the result with that title."""
    page.get_by_label(label, exact=True).fill(query)
    results = page.locator(".picker-results")
    results.get_by_role("button", name=re.compile(rf"^{re.escape(title)}\b")).click()


def headline_numbers(page: Any) -> tuple[int, int]:
    """(level steps, coverage %) as the gap headline states them."""
    text = page.get_by_test_id("gap-headline").inner_text().strip()
    match = HEADLINE.match(text)
    assert match, f"unexpected gap headline {text!r}"
    return int(match.group(1) or 0), int(match.group(2))


def assert_gap_matches(page: Any, gap: dict[str, Any]) -> None:
    """The page shows the same numbers as the API's gap answer."""
    summary = gap["summary"]
    assert headline_numbers(page) == (summary["level_steps"], round(summary["coverage"] * 100))
    for status in ("missing", "raise", "met"):
        count = page.get_by_test_id(f"count-{status}").locator("strong").inner_text()
        assert int(count) == summary[status], status
    rows = page.locator(".chart-row")
    assert rows.count() == len(gap["items"])
    labels = {"missing": "Missing", "raise": "To raise", "met": "Met"}
    for item in gap["items"]:
        row = page.locator(f'.chart-row[data-competence="{item["competence"]["code"]}"]')
        assert item["competence"]["title"] in row.inner_text()
        assert labels[item["status"]] in row.locator(".status").inner_text()


def tab_to(page: Any, selector: str, limit: int = 40) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"Tab never reached {selector!r} in {limit} presses")


def serious(violations: list[dict[str, Any]]) -> list[str]:
    """The serious and critical violations, each as 'rule (impact): first elements'."""
    return [
        f"{v['id']} ({v['impact']}): {', '.join(v['targets'])}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def no_horizontal_scroll(page: Any) -> bool:
    """Against the width the test set: a phone page's innerWidth grows to fit the content."""
    return overflow(page) <= 0
