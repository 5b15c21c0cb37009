// learning_plan: what to learn to move from role $source to role $target.
//
// Purpose: for each competence to acquire or raise, the e-CF descriptors of the levels
//   have+1..need (applicable levels only) and the competence's knowledge and skills.
// Parameters: $source role code; $target role code; $basis 'entry' | 'mastery' | null (= entry).
// Example: {"source": "3.2", "target": "3.4", "basis": "entry"}
// Columns: competence, title, have, need, levels, knowledge, skills
// Twin: graph.algorithms.gap.gap — the `learn` of each item to acquire or raise
MATCH (source:Role {dataset: $dataset, code: $source}), (target:Role {dataset: $dataset, code: $target})
MATCH (target)-[required:REQUIRES]->(c:Competence {dataset: $dataset})
OPTIONAL MATCH (source)-[held:REQUIRES]->(c)
WITH c, coalesce(held.level, 0) AS have,
     CASE $basis WHEN 'mastery' THEN required.level_max ELSE required.level END AS need
WHERE need > have
CALL (c, have, need) {
  OPTIONAL MATCH (c)-[:HAS_LEVEL]->(p:ProficiencyLevel {dataset: $dataset})
  WHERE have < p.level <= need
  WITH p ORDER BY p.level
  RETURN collect(p.label + ': ' + p.descriptor) AS levels
}
CALL (c) {
  OPTIONAL MATCH (c)-[n:NEEDS_KNOWLEDGE]->(k:Knowledge {dataset: $dataset})
  WITH k ORDER BY n.position
  RETURN collect(k.text) AS knowledge
}
CALL (c) {
  OPTIONAL MATCH (c)-[n:NEEDS_SKILL]->(s:Skill {dataset: $dataset})
  WITH s ORDER BY n.position
  RETURN collect(s.text) AS skills
}
RETURN c.code AS competence, c.title AS title, have, need, levels, knowledge, skills
ORDER BY c.rank
