// Seed: roles in their family. $dataset; $rows: [{props: {code, title, rank, ...,
// title_words, title_weights, description_words, description_weights}, family}]
// (the words' idf-weighted unit vectors, for library/next_moves).
UNWIND $rows AS row
MATCH (f:Family {dataset: $dataset, code: row.family})
MERGE (r:Role {dataset: $dataset, code: row.props.code})
SET r = row.props, r.dataset = $dataset
MERGE (r)-[:IN_FAMILY]->(f)
RETURN count(*) AS written
