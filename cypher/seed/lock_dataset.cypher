// Seed: take dataset $dataset's write lock for this transaction, first thing: a write to its
// (:Dataset) node (made here when new, under the unique constraint) blocks every other
// writer of the dataset until this transaction ends, so two imports serialise.
// Columns: stored (a release of the dataset was committed before this transaction).
MERGE (d:Dataset {id: $dataset})
ON CREATE SET d.dataset = $dataset
SET d.locked_at = datetime()
RETURN d.version IS NOT NULL AS stored
