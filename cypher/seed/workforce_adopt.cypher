// Seed (workforce): give up to $batch people of dataset $dataset stored before imports had
// ids (no `import`) the import $import_id; run until it adopts none, then stamp it live.
// Columns: adopted.
MATCH (p:Person {dataset: $dataset})
WHERE p.import IS NULL
WITH p LIMIT $batch
SET p.import = $import_id
RETURN count(p) AS adopted
