"""Opening the configured store: embedded by default, Neo4j when NEO4J_URI is set."""

from __future__ import annotations

from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.errors import StoreUnavailable
from graph.store import GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The store the settings ask for; the caller closes it."""
    if settings.store_kind == "embedded":
        return EmbeddedStore.from_directory(settings.careergraph_data_dir)
    if not settings.neo4j_uri:
        raise StoreUnavailable(
            "CAREERGRAPH_STORE=neo4j needs NEO4J_URI (e.g. bolt://127.0.0.1:7687)."
        )
    from graph.neo4j_store import Neo4jStore  # the driver is only needed for this store

    return Neo4jStore.connect(
        settings.neo4j_uri,
        user=settings.neo4j_user,
        password=settings.neo4j_password.get_secret_value(),
        database=settings.neo4j_database,
        timeout_s=settings.neo4j_timeout_s,
    )
