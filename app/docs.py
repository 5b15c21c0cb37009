"""/docs: Swagger UI served from the installed swagger-ui-bundle package, not a CDN.

The page's one inline script (Swagger UI's set-up) is allowed by its hash in the
page's own Content-Security-Policy; every other answer keeps the strict default.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from app.http_middleware import CONTENT_SECURITY_POLICY

ASSETS_URL = "/docs/assets"
# Only what the page loads: never the bundle's source maps.
ASSETS = {"swagger-ui-bundle.js": "text/javascript", "swagger-ui.css": "text/css"}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def assets_dir() -> Path:
    from swagger_ui_bundle import swagger_ui_path

    return Path(str(swagger_ui_path))


def csp_for(html: str) -> str:
    """The default policy, with the page's inline scripts allowed by their SHA-256."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in _INLINE_SCRIPT.findall(html)
    )
    return CONTENT_SECURITY_POLICY.replace("script-src 'self'", f"script-src 'self' {hashes}")


def install(app: FastAPI) -> None:
    """Serve /docs and its assets; FastAPI's own CDN pages must be off (docs_url=None)."""
    page = get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title=f"{app.title} API",
        swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url="/favicon.svg",
    )
    html = bytes(page.body).decode()
    policy = csp_for(html)
    directory = assets_dir()

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})

    @app.get(ASSETS_URL + "/{name}", include_in_schema=False)
    def asset(name: str) -> FileResponse:
        if name not in ASSETS:
            raise HTTPException(404)
        return FileResponse(
            directory / name,
            media_type=ASSETS[name],
            headers={"Cache-Control": "public, max-age=86400"},
        )
