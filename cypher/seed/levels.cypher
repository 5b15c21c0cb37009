// Seed: the applicable proficiency levels of each competence.
// $rows: [{props: {key, competence, level, eqf, descriptor}}].
UNWIND $rows AS row
MATCH (c:Competence {code: row.props.competence})
MERGE (p:ProficiencyLevel {key: row.props.key})
SET p = row.props
MERGE (c)-[:HAS_LEVEL]->(p)
RETURN count(*) AS written
