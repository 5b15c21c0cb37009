// Seed: competences in their area. $dataset; $rows: [{props: {code, title, description, rank}, area}].
UNWIND $rows AS row
MATCH (a:Area {dataset: $dataset, code: row.area})
MERGE (c:Competence {dataset: $dataset, code: row.props.code})
SET c = row.props, c.dataset = $dataset
MERGE (c)-[:IN_AREA]->(a)
RETURN count(*) AS written
