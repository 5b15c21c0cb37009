"""What a page load costs: the requests it makes and the bytes they move (Playwright events)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Load:
    requests: int
    api_requests: int
    transferred: int  # response headers + bodies as sent
    body: int  # response bodies as sent

    def line(self, url: str) -> str:
        return (
            f"first load of {url}: {self.requests} requests ({self.api_requests} to the API), "
            f"{self.transferred} bytes transferred ({self.body} bytes of bodies)"
        )


def first_load(page: Any, url: str, ready: str) -> Load:
    """Load `url` in a fresh page, wait for `ready` and for the network to settle, and count."""
    finished: list[Any] = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url)
    page.locator(ready).first.wait_for()
    page.wait_for_load_state("networkidle")
    sizes = [request.sizes() for request in finished]
    return Load(
        requests=len(finished),
        api_requests=sum("/api/" in request.url for request in finished),
        transferred=sum(s["responseHeadersSize"] + s["responseBodySize"] for s in sizes),
        body=sum(s["responseBodySize"] for s in sizes),
    )
