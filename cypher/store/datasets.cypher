// Store: every stored dataset's stamp, by id. Parameters: none.
// Columns: id, name, version, content_version, link_policy.
MATCH (d:Dataset)
RETURN d.id AS id, d.name AS name, d.version AS version,
       d.content_version AS content_version, d.link_policy AS link_policy
ORDER BY id
