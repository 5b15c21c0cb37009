"""Words that agree with the figures, in a real browser: one within-reach threshold (the
API's) on every list so named, the glossary those words link to, one set of signs, the
printed plan (date, notes, no footer-only page) and the HR screens' empty states."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from tests.e2e.datasets import SMALL_ID
from tests.e2e.test_hr import enter_key

pytestmark = pytest.mark.e2e


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)}%"


def test_every_within_reach_list_uses_the_apis_threshold(page: Any, api: Any, axe: Any) -> None:
    limit = api("/api/v1/meta")["within_reach"]
    # The start page's list ranks by relatedness: it is "next moves", and marks only those
    # at or above the threshold as within reach.
    page.goto("/?from=3.2")
    moves = api("/api/v1/roles/3.2/next-moves?limit=5")["moves"]
    choices = page.locator(".next-moves li")
    choices.first.wait_for()
    assert page.get_by_role("heading", name="Next moves from Programmer").is_visible()
    assert page.get_by_role("heading", name=re.compile("within reach", re.I)).count() == 0
    marked = ["within reach" in text for text in choices.locator(".hint").all_inner_texts()]
    assert marked == [m["coverage"] >= limit for m in moves]
    assert True in marked and False in marked  # both sides shown on the seed
    assert (
        f"{percent(limit)} or more of the entry levels" in page.locator(".next-moves").inner_text()
    )

    # Unlocks: every role a raise "brings within reach" ends at or above the same threshold.
    page.goto("/unlocks?from=4.2")
    page.get_by_test_id("raise-list").wait_for()
    every = api("/api/v1/unlocks?from=4.2&limit=200")
    assert every["threshold"] == limit
    assert all(u["coverage_after"] >= limit for r in every["raises"] for u in r["unlocks"])
    assert page.get_by_role("heading", name="What one step unlocks from Desktop Technician").count()
    listed = page.locator("[data-raise]").count()
    assert listed == every["total"]
    assert page.get_by_test_id("unlocks-count").inner_text() == (
        f"{every['total']} single raises bring a role within reach from Desktop Technician; "
        "all are listed."
    )

    # Compare: "within reach" on a card exactly when the API says so, by the same threshold.
    page.goto("/compare?from=3.2&to=3.3,2.3")
    cards = page.get_by_test_id("compare-card")
    cards.first.wait_for()
    compared = api("/api/v1/compare?from=3.2&to=3.3,2.3")["targets"]
    for card, target in zip(cards.all(), compared, strict=True):
        assert ("within reach" in card.inner_text()) == (target["summary"]["coverage"] >= limit)
    assert axe(page, "compare-words") == []


def test_the_glossary_explains_the_words_the_screens_link(page: Any, api: Any, axe: Any) -> None:
    page.goto("/gap?from=3.2&to=3.4")
    page.get_by_role("link", name="level steps", exact=True).first.click()
    page.wait_for_url(re.compile(r"/glossary#level-steps$"))
    entry = page.locator("#within-reach + dd").inner_text()
    assert f"at least {percent(api('/api/v1/meta')['within_reach'])} of its entry levels" in entry
    for term in ("Level steps", "Entry level and mastery", "Relatedness", "Signs", "Within reach"):
        assert page.get_by_role("term").filter(has_text=term).count() == 1
    assert "e-3 (EQF 6)" in page.locator("#levels + dd").inner_text()
    signs = page.locator(".glossary-symbols").inner_text()
    assert "✕ Missing" in signs and "▲ To raise" in signs and "✓ Met" in signs
    assert axe(page, "glossary") == []


def test_compare_and_gap_use_the_same_signs(page: Any, api: Any) -> None:
    page.goto("/compare?from=3.2&to=3.4,2.3")
    page.locator(".compare-table tbody tr").first.wait_for()
    comparison = api("/api/v1/compare?from=3.2&to=3.4,2.3")
    gap = {
        i["competence"]["code"]: i["status"] for i in api("/api/v1/gap?from=3.2&to=3.4")["items"]
    }
    icon = {"missing": "✕", "raise": "▲", "met": "✓"}
    seen = set()
    for row in comparison["competences"]:
        need = row["needs"][0]
        if need == 0:
            continue
        cell = page.locator(f'tr[data-competence="{row["competence"]["code"]}"] td').nth(1)
        status = cell.locator("[data-status]").get_attribute("data-status")
        assert status == gap[row["competence"]["code"]], row
        assert cell.inner_text().startswith(icon[status])
        seen.add(status)
    assert seen == {"missing", "raise", "met"}


def test_paths_say_when_going_direct_is_better_and_steps_agree(page: Any, api: Any) -> None:
    answer = api("/api/v1/paths?from=1.3&to=7.2")
    page.goto("/paths?from=1.3&to=7.2")
    cards = page.get_by_test_id("path-card")
    cards.first.wait_for()
    assert page.get_by_test_id("direct-move").inner_text().startswith("Going direct is better.")
    shown = []
    for card in cards.all():
        costs = []
        for step in card.locator(".step").all():
            costs.append(cost := int(step.locator(".cost").inner_text().split()[0]))
            evidence = step.locator(".evidence-inferred")
            if evidence.count():
                assert f", {cost} level steps to go" in evidence.inner_text()
        shown.append(costs)
    assert shown == [[s["cost"] for s in p["steps"]] for p in answer["paths"]]


def test_the_printed_plan_has_a_date_notes_and_no_footer_only_page(page: Any, api: Any) -> None:
    plan = api("/api/v1/plan?from=1.3&to=2.3")
    page.goto("/plan?from=1.3&to=2.3")
    page.get_by_test_id("plan-step").first.wait_for()
    page.get_by_test_id("plan-notes").fill("Ask Sam about the e-4 course.\nBudget: spring.")
    page.reload()  # the notes are kept in the page for this plan
    page.get_by_test_id("plan-step").first.wait_for()
    assert page.get_by_test_id("plan-notes").input_value().startswith("Ask Sam")
    printed_on = page.evaluate(
        "new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})"
    )
    pages = [
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages
    ]
    printed = " ".join(pages)
    assert printed_on in printed
    assert "Ask Sam about the e-4 course." in printed and "Budget: spring." in printed
    assert "CIGREF nomenclature of IS roles" in printed
    assert plan["dataset_version"] not in printed
    # The credit prints once, at the top beside the date; no page holds only a credit line
    # (the site's footer is not printed under a plan) or only the notes' heading.
    assert printed.count("CIGREF nomenclature of IS roles") == 1
    assert "Data version" not in printed
    short = [text for text in pages if len(text) < 200]
    assert short == [], [len(text) for text in pages]


def test_hr_empty_states_and_titled_heatmap(page: Any, api: Any, axe: Any) -> None:
    enter_key(page, f"/hr?dataset={SMALL_ID}")
    empty = page.get_by_test_id("hr-empty")
    empty.wait_for()
    text = empty.inner_text()
    assert "careergraph workforce generate" in text and "careergraph workforce import" in text
    assert "workforce" in text and "CAREERGRAPH_API_KEYS" in text
    assert axe(page, "hr-empty") == []
    page.get_by_role("link", name="Heatmap").click()
    page.get_by_test_id("hr-empty").wait_for()

    page.goto("/hr/heatmap")
    page.locator(".heat-table").wait_for()
    heatmap = api("/api/v1/workforce/heatmap")
    headers = page.locator(".heat-table thead th[data-competence]").all_inner_texts()
    assert headers == [f"{c['title']} {c['code']}" for c in heatmap["competences"]]
    legend = page.locator(".heat-legend").inner_text()
    assert "no one in the unit has a role that requires" in legend
