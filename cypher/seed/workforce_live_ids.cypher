// Seed (workforce): the ids of dataset $dataset's live import. Columns: id.
MATCH (w:Workforce {dataset: $dataset})
MATCH (p:Person {dataset: $dataset, import: w.live})
RETURN p.id AS id
