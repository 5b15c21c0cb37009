// Store: the stored dataset's stamp (there is one Dataset node; the newest wins if not).
// Parameters: none. Columns: name, version, source.
MATCH (d:Dataset)
RETURN d.name AS name, d.version AS version, d.source AS source
ORDER BY d.loaded_at DESC
LIMIT 1
