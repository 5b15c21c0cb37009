// Purpose: delete every node and relationship (tests' clean_neo4j; small databases only).
// Parameters: none.
MATCH (n) DETACH DELETE n
