"""Opening the configured store: embedded by default, Neo4j when NEO4J_URI is set."""

from __future__ import annotations

from app.settings import Settings
from graph.embedded import EmbeddedStore
from graph.errors import StoreUnavailable
from graph.store import GraphStore
from seed import DATA_DIR


def open_store(settings: Settings) -> GraphStore:
    """The store the settings ask for; the caller closes it."""
    if settings.store_kind == "embedded":
        return EmbeddedStore.from_directories(
            [settings.careergraph_data_dir or DATA_DIR], library=settings.datasets_library()
        )
    target = settings.neo4j_target()
    if target is None:
        raise StoreUnavailable(
            "CAREERGRAPH_STORE=neo4j needs NEO4J_URI (e.g. bolt://127.0.0.1:7687) "
            "or a local server (`careergraph neo4j start`)."
        )
    from graph.neo4j.store import Neo4jStore  # the driver is only needed for this store

    return Neo4jStore.connect(target)
