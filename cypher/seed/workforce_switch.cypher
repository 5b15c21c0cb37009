// Seed (workforce): make import $import_id the one readers of dataset $dataset read (its
// `live` import), holding $people people: one stamp written, whatever the size, so the
// switch is constant in time and memory. Every write gets a new version. Columns:
// version, replaced (the import live before, null if none).
MERGE (w:Workforce {dataset: $dataset})
WITH w, w.live AS replaced
SET w.live = $import_id, w.version = randomUUID(), w.updated_at = datetime(), w.people = $people
RETURN w.version AS version, replaced
