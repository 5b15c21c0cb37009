// Seed: skill items of competences; `position` keeps the framework's order.
// $dataset; $rows: [{competence, position, props: {key, text}}]. Static label: see knowledge.
UNWIND $rows AS row
MATCH (c:Competence {dataset: $dataset, code: row.competence})
MERGE (s:Skill {dataset: $dataset, key: row.props.key})
SET s = row.props, s.dataset = $dataset
MERGE (c)-[n:NEEDS_SKILL]->(s)
SET n.position = row.position
RETURN count(*) AS written
