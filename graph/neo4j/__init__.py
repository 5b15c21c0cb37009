"""Everything that talks to Neo4j: connecting, reading, writing and the analyst console."""
