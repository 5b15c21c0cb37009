// Seed: knowledge and skill items of competences; `position` keeps the framework's order.
// $dataset; $rows: [{label: 'Knowledge'|'Skill', type: 'NEEDS_KNOWLEDGE'|'NEEDS_SKILL',
//                    competence, position, props: {key, text}}].
UNWIND $rows AS row
MATCH (c:Competence {dataset: $dataset, code: row.competence})
MERGE (k:$(row.label) {dataset: $dataset, key: row.props.key})
SET k = row.props, k.dataset = $dataset
MERGE (c)-[n:$(row.type)]->(k)
SET n.position = row.position
RETURN count(*) AS written
