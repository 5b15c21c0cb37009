// Store: one dataset's families. Parameters: $dataset. Columns: code, name, description.
MATCH (f:Family {dataset: $dataset})
RETURN f.code AS code, f.name AS name, f.description AS description
ORDER BY f.rank
