// Seed: stamp the release of one dataset. $dataset; $rows: [{props: {name, version,
// content_version, link_policy, source, licence, attribution, scale_labels, scale_json,
// relatedness_title_weight, relatedness_description_weight, relatedness_family_weight,
// step_down}}] (the last four: what library/next_moves needs to rank as the service).
// version covers the data and the link policy (graph/release.py); loaded_at is the server's clock.
UNWIND $rows AS row
MERGE (d:Dataset {id: $dataset})
SET d = row.props, d.id = $dataset, d.dataset = $dataset, d.loaded_at = datetime()
RETURN count(*) AS written
