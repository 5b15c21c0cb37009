// Seed (workforce): stamp dataset $dataset's workforce after a write: a new version (any
// write changes it), when, and how many people it holds now. Columns: version.
MERGE (w:Workforce {dataset: $dataset})
WITH w
CALL (w) {
  MATCH (p:Person {dataset: $dataset})
  RETURN count(p) AS people
}
SET w.version = randomUUID(), w.updated_at = datetime(), w.people = people
RETURN w.version AS version
