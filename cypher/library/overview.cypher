// overview: what one dataset holds: nodes per label, relationships per type, its stamp.
//
// Purpose: check a load (counts) and which version of the dataset is live.
// Parameters: none.
// Example: {}
// Columns: kind, name, count
// Twin: analyst-only — what the database holds; the service reads a dataset, not a database
CALL db.labels() YIELD label
WITH label WHERE NOT label IN ['Person', 'Workforce', 'WorkforceWriter']  // people: the steward's
CALL (label) { MATCH (n:$(label)) WHERE n.dataset = $dataset RETURN count(n) AS count }
RETURN 'node' AS kind, label AS name, count
UNION ALL
CALL db.relationshipTypes() YIELD relationshipType AS type
WITH type WHERE NOT type IN ['HAS', 'HOLDS']
CALL (type) {
  MATCH (n {dataset: $dataset})-[r:$(type)]->()
  RETURN count(r) AS count
}
RETURN 'relationship' AS kind, type AS name, count
UNION ALL
MATCH (d:Dataset {id: $dataset})
RETURN 'dataset' AS kind, d.name + ' ' + d.version AS name, 1 AS count
