// Seed: knowledge items of competences; `position` keeps the framework's order.
// $dataset; $rows: [{competence, position, props: {key, text}}].
// The label is written out (not `$(...)`): a dynamic label cannot use the unique index,
// and MERGE then scans every node per row.
UNWIND $rows AS row
MATCH (c:Competence {dataset: $dataset, code: row.competence})
MERGE (k:Knowledge {dataset: $dataset, key: row.props.key})
SET k = row.props, k.dataset = $dataset
MERGE (c)-[n:NEEDS_KNOWLEDGE]->(k)
SET n.position = row.position
RETURN count(*) AS written
