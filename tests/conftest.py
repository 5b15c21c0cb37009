"""Shared pytest wiring: fixture plugins live in their own modules."""

pytest_plugins = ["tests.fixtures.neo4j", "tests.fixtures.stores"]
