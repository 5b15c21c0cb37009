// Store: one dataset's competence areas. Parameters: $dataset. Columns: code, name.
MATCH (a:Area {dataset: $dataset})
RETURN a.code AS code, a.name AS name
ORDER BY a.rank
