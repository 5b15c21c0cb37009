"""The UI and /docs work under the service's Content-Security-Policy (enforced, not bypassed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

# Every view the UI has, and the API docs.
PAGES = ["/", "/map", "/roles", "/roles/3.2", "/competences/B1", "/gap?from=3.2&to=3.4", "/assess"]


@pytest.fixture
def strict_page(browser: Any, base_url: str) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"{message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    yield page, problems
    context.close()


def test_ui_runs_under_the_csp(strict_page: tuple[Any, list[str]]) -> None:
    page, problems = strict_page
    for path in PAGES:
        response = page.goto(path)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert page.locator("main, #root > *").first.is_visible()
    assert not problems, problems


def test_docs_run_under_their_csp(strict_page: tuple[Any, list[str]]) -> None:
    page, problems = strict_page
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto("/docs")
    page.wait_for_selector(".opblock")
    assert page.locator(".opblock").count() > 10
    base = page.url.removesuffix("/docs")
    assert all(url.startswith(base) for url in seen), seen
    assert not problems, problems
