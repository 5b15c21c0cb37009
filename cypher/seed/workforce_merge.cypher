// Seed (workforce): merge in place: the people of import $import_id (a small merge, staged)
// join dataset $dataset's live import, replacing those with the same ids, which move to
// import $replaced for removal. Touches only the people merged. Columns: merged.
MATCH (w:Workforce {dataset: $dataset})
CALL (w) {
  MATCH (old:Person {dataset: $dataset, import: w.live})
  WHERE old.id IN $ids
  SET old.import = $replaced
  RETURN count(old) AS replaced
}
MATCH (p:Person {dataset: $dataset, import: $import_id})
SET p.import = w.live
RETURN count(p) AS merged
