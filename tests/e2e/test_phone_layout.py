"""Every screen at phone size (390 x 844), employee and HR, on the seed and on O*NET 30.2.

Each screen must fit the width (no sideways scrolling of the page: a wide table scrolls in
its own box), leave every control it shows tappable (no sticky bar or header painted over
one, once it is scrolled into view), and pass axe with no violation at all. One phone
page visits every screen in turn (module-scoped), so the whole tour costs one browser
context; its workforce key is in sessionStorage, as after the analyst typed it once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.conftest import WORKFORCE_KEY, _page
from tests.e2e.layout import covered_controls, overflow
from tests.e2e.test_real_catalogues_ui import pick_roles

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
ONET = "onet-30-2"

# name -> the screen's address on the seed ({from}/{to} are seed codes here).
SEED_SCREENS = {
    "start": "/",
    "map-families": "/map",
    "map-role": "/map?role=3.2",
    "map-whole": "/map?all=1",
    "roles": "/roles",
    "role": "/roles/3.2",
    "competences": "/competences",
    "competence": "/competences/B1",
    "assess": "/assess",
    "gap": "/gap?from=3.2&to=3.4",
    "paths": "/paths?from=1.3&to=7.2",
    "unlocks": "/unlocks?from=4.2",
    "plan": "/plan?from=1.3&to=2.3",
    "compare": "/compare?from=3.2&to=3.4,2.3,6.2",
    "not-found": "/nowhere",
    "hr-bench": "/hr",
    "hr-heatmap": "/hr/heatmap",
    "hr-candidates": "/hr/roles/3.4",
    "hr-what-if": "/hr/what-if?role=3.4",
}
# The same screens on O*NET, with a start and a target picked from its catalogue.
ONET_SCREENS = {
    "start": "/",
    "map-families": "/map",
    "map-role": "/map?role={from}",
    "roles": "/roles",
    "role": "/roles/{from}",
    "assess": "/assess",
    "gap": "/gap?from={from}&to={to}",
    "paths": "/paths?from={from}&to={to}",
    "unlocks": "/unlocks?from={from}",
    "compare": "/compare?from={from}&to={to}",
    "hr-bench": "/hr",
    "hr-candidates": "/hr/roles/{to}",
    "hr-what-if": "/hr/what-if?role={to}",
}
# axe takes about 30 s on O*NET's HR bench (894 rows, a bar each, empty: the workforce is
# the seed's); the same components pass axe on the seed's bench, and the layout checks
# above still run on it.
AXE_ELSEWHERE = {(ONET, "hr-bench")}
SCREENS = [("seed", name) for name in SEED_SCREENS] + [(ONET, name) for name in ONET_SCREENS]


@pytest.fixture(scope="module")
def phone_tour(browser: Any, base_url: str) -> Iterator[Any]:
    """One phone-sized page for every screen, touch and all, the workforce key entered."""
    pages = _page(browser, base_url, PHONE, is_mobile=True, has_touch=True)
    page = next(pages)
    page.context.add_init_script(
        f"sessionStorage.setItem('careergraph.workforce-key', {WORKFORCE_KEY!r})"
    )
    yield page
    next(pages, None)  # closes the context; fails on any JavaScript error seen


def address(dataset: str, name: str, api: Any) -> str:
    if dataset == "seed":
        return SEED_SCREENS[name]
    start, target = pick_roles(api, dataset)
    path = ONET_SCREENS[name].format(**{"from": start["code"], "to": target["code"]})
    return f"{path}{'&' if '?' in path else '?'}dataset={dataset}"


@pytest.mark.parametrize(("dataset", "name"), SCREENS, ids=[f"{d}-{n}" for d, n in SCREENS])
def test_the_screen_fits_a_phone(
    dataset: str, name: str, phone_tour: Any, api: Any, axe: Any, screenshot: Any
) -> None:
    page = phone_tour
    page.goto(address(dataset, name, api))
    page.locator("main h1").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_function("!document.querySelector('main .loading')")  # every answer shown
    screenshot(page, f"phone-{dataset}-{name}")
    assert overflow(page) <= 0, f"the page scrolls {overflow(page)} px sideways"
    assert covered_controls(page) == []
    if (dataset, name) not in AXE_ELSEWHERE:
        assert axe(page, f"phone-{dataset}-{name}") == []
