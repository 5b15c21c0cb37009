// Store: one dataset's stamp. Parameters: $dataset.
// Columns: id, name, version, content_version, link_policy, source, licence, attribution,
// scale_json.
MATCH (d:Dataset {id: $dataset})
RETURN d.id AS id, d.name AS name, d.version AS version,
       d.content_version AS content_version, d.link_policy AS link_policy,
       d.source AS source, d.licence AS licence, d.attribution AS attribution,
       d.scale_json AS scale_json
