// Seed (workforce): lock dataset $dataset's writer node (made on first use; the SET takes
// Neo4j's write lock, so two claims never both read it free) and say who holds it.
// graph/neo4j/workforce.py then takes it (workforce_take) if it is free. Columns: token,
// host, pid, expired, removing (the holder only removes replaced people: it yields).
MERGE (w:WorkforceWriter {dataset: $dataset})
SET w.claimed_at = datetime()
RETURN w.token AS token, w.host AS host, w.pid AS pid,
       coalesce(w.expires < datetime(), true) AS expired, coalesce(w.removing, false) AS removing
