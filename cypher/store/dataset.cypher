// Store: the stored release's stamp (there is one Dataset node; the newest wins if not).
// Parameters: none. Columns: name, version, content_version, link_policy, source.
MATCH (d:Dataset)
RETURN d.name AS name, d.version AS version, d.content_version AS content_version,
       d.link_policy AS link_policy, d.source AS source
ORDER BY d.loaded_at DESC
LIMIT 1
