"""Serving the built web UI at / with a fallback to index.html, so deep links reload.

Source maps are never served (the build makes none; an older build's are refused).
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
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


class Assets(StaticFiles):
    """The built assets, source maps left out."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if _UNSERVED.search(path):
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)


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
        # Compressed on the way out: the script is most of a first visit's bytes.
        assets = GZipMiddleware(
            Assets(directory=dist / "assets"), minimum_size=1024, compresslevel=6
        )
        app.mount("/assets", assets, name="assets")

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
        return FileResponse(index) if index.is_file() else HTMLResponse(NOT_BUILT)
