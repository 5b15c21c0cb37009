// Seed: competences in their area. $rows: [{props: {code, title, description}, area}].
UNWIND $rows AS row
MATCH (a:Area {code: row.area})
MERGE (c:Competence {code: row.props.code})
SET c = row.props
MERGE (c)-[:IN_AREA]->(a)
RETURN count(*) AS written
