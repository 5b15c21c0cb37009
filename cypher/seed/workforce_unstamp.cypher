// Seed (workforce): delete dataset $dataset's stamp: readers see no workforce at once, and
// every import it had is left for removal. Columns: people (the live import's, 0 if none).
OPTIONAL MATCH (w:Workforce {dataset: $dataset})
WITH w, coalesce(w.people, 0) AS people
DETACH DELETE w
RETURN people
