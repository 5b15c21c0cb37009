// Store: the version of dataset $dataset's workforce (null: none was ever written).
// Columns: version.
OPTIONAL MATCH (w:Workforce {dataset: $dataset})
RETURN w.version AS version
