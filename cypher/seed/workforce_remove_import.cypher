// Seed (workforce): delete up to $batch people of import $import_id of dataset $dataset, with
// their relationships; run until it deletes none (a transaction per batch keeps each
// small). Never the live import: graph/neo4j/workforce.py removes only imports no stamp
// names. Columns: deleted.
MATCH (p:Person {dataset: $dataset, import: $import_id})
WITH p LIMIT $batch
DETACH DELETE p
RETURN count(*) AS deleted
