// Seed (workforce): the imports people of dataset $dataset (every dataset when null) are
// stored under, with the import each dataset's readers read (`live`, null when none).
// Any other is an import being staged, or one replaced and being removed. Columns:
// dataset, import, live.
MATCH (p:Person)
WHERE ($dataset IS NULL OR p.dataset = $dataset) AND p.import IS NOT NULL
WITH DISTINCT p.dataset AS dataset, p.import AS import
OPTIONAL MATCH (w:Workforce {dataset: dataset})
RETURN dataset, import, w.live AS live
