// Seed: knowledge and skill items of competences; `position` keeps the e-CF's order.
// $rows: [{label: 'Knowledge'|'Skill', type: 'NEEDS_KNOWLEDGE'|'NEEDS_SKILL',
//          competence, position, props: {key, text}}].
UNWIND $rows AS row
MATCH (c:Competence {code: row.competence})
MERGE (k:$(row.label) {key: row.props.key})
SET k = row.props
MERGE (c)-[n:$(row.type)]->(k)
SET n.position = row.position
RETURN count(*) AS written
