"""The reference: a bare FastAPI app with one JSON route, the limit of the stack.

Served by the same uvicorn settings as the service (tools/bench/servers.py), its rate
is what every HTTP figure of the service is divided by.
"""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}
