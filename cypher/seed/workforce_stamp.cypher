// Seed (workforce): stamp dataset $dataset's workforce after a write in place (an erasure,
// a small merge): a new version, when, and how many people its live import holds now.
// Columns: version.
MATCH (w:Workforce {dataset: $dataset})
CALL (w) {
  MATCH (p:Person {dataset: $dataset, import: w.live})
  RETURN count(p) AS people
}
SET w.version = randomUUID(), w.updated_at = datetime(), w.people = people
RETURN w.version AS version
