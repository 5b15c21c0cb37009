// Seed: stamp the release. $rows: [{name, version, content_version, link_policy, source}];
// version covers the data and the link policy (graph/release.py); loaded_at is the server's clock.
UNWIND $rows AS row
MERGE (d:Dataset {name: row.name})
SET d.version = row.version, d.content_version = row.content_version,
    d.link_policy = row.link_policy, d.source = row.source, d.loaded_at = datetime()
RETURN count(*) AS written
