// Seed: roles in their family. $dataset; $rows: [{props: {code, title, rank, ...}, family}].
UNWIND $rows AS row
MATCH (f:Family {dataset: $dataset, code: row.family})
MERGE (r:Role {dataset: $dataset, code: row.props.code})
SET r = row.props, r.dataset = $dataset
MERGE (r)-[:IN_FAMILY]->(f)
RETURN count(*) AS written
