// Seed: the applicable proficiency levels of each competence.
// $dataset; $rows: [{props: {key, competence, level, label, eqf, descriptor}}].
UNWIND $rows AS row
MATCH (c:Competence {dataset: $dataset, code: row.props.competence})
MERGE (p:ProficiencyLevel {dataset: $dataset, key: row.props.key})
SET p = row.props, p.dataset = $dataset
MERGE (c)-[:HAS_LEVEL]->(p)
RETURN count(*) AS written
