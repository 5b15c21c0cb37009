"""The ASGI application: `app.main:app`, built by `create_app`."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from app import docs, frontend, http_limits, http_middleware, openapi, problems
from app.routers import (
    career,
    career_map,
    catalog,
    compare,
    cypher,
    datasets,
    gap,
    meta,
    plan,
    unlocks,
    workforce,
)
from app.settings import Settings, get_settings
from app.snapshots import SnapshotProvider
from app.stores import open_store
from graph.store import GraphStore

DESCRIPTION = """Career paths between roles, through the competences they require, level by
level: the CIGREF 2011 nomenclature with the e-Competence Framework 2.0 by default, and
any other role catalogue and competence framework loaded beside it (`GET /api/v1/datasets`;
every data endpoint takes `dataset`).

Role and competence codes are the stable identifiers (`3.2`, `B1`). Data answers carry
the dataset version as `ETag`; errors are `application/problem+json` (RFC 9457)."""


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The service. A given `store` is used as is and left open (its owner closes it)."""
    settings = settings or get_settings()
    logging.basicConfig(level=settings.careergraph_log_level.upper())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = store or open_store(settings)
        app.state.settings = settings
        app.state.console_slots = threading.BoundedSemaphore(
            settings.careergraph_console_concurrency
        )
        app.state.work_slots = asyncio.Semaphore(settings.careergraph_work_concurrency)
        provider = SnapshotProvider(
            opened,
            default=settings.careergraph_default_dataset,
            check_every_s=settings.careergraph_reload_check_s,
        )
        app.state.snapshots = provider
        provider.start()
        try:
            yield
        finally:
            provider.stop()
            if store is None:
                opened.close()

    app = FastAPI(
        title="careergraph",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # app/docs.py serves /docs without a CDN
        redoc_url=None,
    )
    problems.install(app)
    # Each add_middleware wraps what is there: the last added is the outermost.
    # Answers and the UI's files go out gzipped (a first visit's JSON shrinks fourfold);
    # what is already encoded (exports, the UI's brotli files) passes through as it is.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(http_middleware.DatasetETag)
    if settings.careergraph_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.careergraph_cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key", "If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "X-Request-ID"],
        )
    batch_items = {"/api/v1/gap/batch": settings.careergraph_batch_max}
    uploads = {  # the routes whose bodies are files, with their own (larger) limits
        "/api/v1/datasets": settings.careergraph_import_max_bytes,
        "/api/v1/workforce/import": settings.careergraph_workforce_import_max_bytes,
    }
    app.add_middleware(
        http_limits.RequestLimits, limits=http_limits.Limits.of(settings, batch_items, uploads)
    )
    app.add_middleware(http_middleware.RequestContext)
    docs.install(app)
    for router in (
        meta.router,
        datasets.router,
        catalog.router,
        gap.router,
        career.router,
        career_map.router,
        cypher.router,
        unlocks.router,
        plan.router,
        compare.router,
        workforce.router,
    ):
        app.include_router(router)
    frontend.install(app, settings.careergraph_frontend_dist)
    openapi.install(app)
    return app


app = create_app()
