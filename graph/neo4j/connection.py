"""Connecting to Neo4j: where it is, one bounded driver, and failures named plainly.

Every client of Neo4j (the service's store, seeding, the analyst console, the
launcher's checks) connects through here, so timeouts and error messages agree.
Where the target comes from (environment, or the local server) is the app's
business: app/settings.py resolves it once for every command.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neo4j import Driver, GraphDatabase, NotificationMinimumSeverity
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph.errors import StoreUnavailable

# Driver failures that mean "the store cannot serve us now" rather than "bad query".
UNAVAILABLE = (ServiceUnavailable, SessionExpired, AuthError)


@dataclass(frozen=True)
class Neo4jTarget:
    """A Neo4j database to talk to; `neo4j://` URIs route reads in a cluster."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str = "neo4j"
    timeout_s: float = 10.0


def open_driver(target: Neo4jTarget) -> Driver:
    """A driver whose every wait (connect, pool, retries) is bounded by the target's timeout."""
    return GraphDatabase.driver(
        target.uri,
        auth=(target.user, target.password),
        connection_timeout=target.timeout_s,
        connection_acquisition_timeout=target.timeout_s,
        max_transaction_retry_time=target.timeout_s,
        # Server hints ("label does not exist" on an empty store) are noise in our logs.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )


def unavailable(error: Exception) -> StoreUnavailable:
    """The domain error for a driver failure, saying which failure it was.

    No address in the message: it may reach HTTP clients.
    """
    if isinstance(error, AuthError):
        return StoreUnavailable("Neo4j refused the credentials (check NEO4J_USER/NEO4J_PASSWORD).")
    return StoreUnavailable(f"Neo4j did not answer: {type(error).__name__}.")
