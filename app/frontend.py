"""Serving the built web UI at / with a fallback to index.html, so deep links reload.

Source maps are never served (the build makes none; an older build's are refused).
The build's scripts and styles have hashed names (frontend/vite.config.ts), so browsers
keep them for a year without asking again; index.html names the current ones and is
revalidated on every visit. Browsers that accept brotli get the build's `.br` twin
(compressed once at the highest quality), the others the service's gzip (app/main.py).
"""

from __future__ import annotations

import re
from mimetypes import guess_type
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import Scope

from app.problems import allowed_methods
from graph.resources import package_dir

NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>careergraph</title>
<body><h1>careergraph</h1><p>The web UI is not built. Run <code>make run</code>, or
<code>npm ci &amp;&amp; npm run build</code> in <code>frontend/</code>. The API is at
<a href="/docs">/docs</a>.</p></body></html>"""

# Paths that belong to the API or its docs: an unknown one is a 404 problem, not the UI.
RESERVED = ("api/", "docs", "redoc", "openapi.json", "health", "ready")
# Source maps would publish the UI's sources; control characters name no file.
_UNSERVED = re.compile(r"\.map$|[\x00-\x1f\x7f]")
# Hashed names never change content: a browser keeps them and never revalidates.
IMMUTABLE = "public, max-age=31536000, immutable"


def _accepts_brotli(scope: Scope) -> bool:
    """Whether Accept-Encoding names br with a weight above 0 ("br", "br;q=0.5", not "br;q=0")."""
    for part in Headers(scope=scope).get("accept-encoding", "").lower().split(","):
        name, *params = (item.strip() for item in part.split(";"))
        if name == "br":
            weights = [p.removeprefix("q=") for p in params if p.startswith("q=")]
            try:
                return not weights or float(weights[0]) > 0
            except ValueError:  # a weight that is not a number: take br as not offered
                return False
    return False


class Assets(StaticFiles):
    """The built assets, source maps left out, cached for good, in brotli where accepted."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if _UNSERVED.search(path) or path.endswith(".br"):
            raise HTTPException(status_code=404)
        twin = f"{path}.br"
        if _accepts_brotli(scope) and self.lookup_path(twin)[1] is not None:
            response = await super().get_response(twin, scope)
            media = guess_type(path)[0] or "application/octet-stream"
            text = media.startswith("text/")
            response.headers["Content-Type"] = f"{media}; charset=utf-8" if text else media
            response.headers["Content-Encoding"] = "br"
        else:
            response = await super().get_response(path, scope)
        if response.status_code in (200, 304):
            response.headers["Cache-Control"] = IMMUTABLE
            response.headers["Vary"] = "Accept-Encoding"
        return response


def _is_file_in(dist: Path, path: str) -> bool:
    """True when `path` names a file inside `dist`; a name the OS refuses names none."""
    try:
        file = (dist / path).resolve()
        return file.is_file() and file.is_relative_to(dist.resolve())
    except OSError:  # too long a name, and the like
        return False


def install(app: FastAPI, dist: Path | None) -> None:
    """Serve the UI from `dist`, by default the installed careergraph_ui package."""
    dist = dist or package_dir("careergraph_ui")
    if dist is not None and (dist / "assets").is_dir():
        app.mount("/assets", Assets(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False, response_model=None)
    def spa(request: Request, path: str) -> FileResponse | HTMLResponse:
        if path.startswith(RESERVED):
            # A GET to an API path served with other methods is 405, anything else 404.
            raise HTTPException(status_code=405 if allowed_methods(request) else 404)
        if _UNSERVED.search(path):
            raise HTTPException(status_code=404)
        if dist is None:
            return HTMLResponse(NOT_BUILT)
        if path and _is_file_in(dist, path):
            return FileResponse(dist / path)
        index = dist / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
