"""CORS is off unless origins are configured, and then allows exactly those."""

from __future__ import annotations

import httpx

from app.main import create_app
from app.settings import Settings
from graph.embedded import EmbeddedStore
from seed import DATA_DIR
from tests.fixtures.live import serving

ORIGIN = "https://intranet.example"


def preflight(settings: Settings) -> dict[str, str]:
    with serving(create_app(settings, store=EmbeddedStore.from_directories([DATA_DIR]))) as url:
        response = httpx.options(
            f"{url}/api/v1/gap",
            headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"},
        )
        return dict(response.headers)


def test_cors_allows_configured_origins() -> None:
    headers = preflight(Settings(careergraph_cors_origins=[ORIGIN]))
    assert headers["access-control-allow-origin"] == ORIGIN


def test_cors_is_off_by_default() -> None:
    assert "access-control-allow-origin" not in preflight(Settings(careergraph_cors_origins=[]))
