// Store: one dataset's competences with their levels, knowledge and skills, in order.
// Parameters: $dataset. Columns: code, area, title, description, levels, knowledge, skills.
MATCH (c:Competence {dataset: $dataset})-[:IN_AREA]->(a:Area)
CALL (c) {
  MATCH (c)-[:HAS_LEVEL]->(p:ProficiencyLevel)
  WITH p ORDER BY p.level
  RETURN collect(p {.level, .descriptor}) AS levels
}
CALL (c) {
  MATCH (c)-[n:NEEDS_KNOWLEDGE]->(k:Knowledge)
  WITH k ORDER BY n.position
  RETURN collect(k {.key, .text}) AS knowledge
}
CALL (c) {
  MATCH (c)-[n:NEEDS_SKILL]->(s:Skill)
  WITH s ORDER BY n.position
  RETURN collect(s {.key, .text}) AS skills
}
RETURN c.code AS code, a.code AS area, c.title AS title, c.description AS description,
       levels, knowledge, skills
ORDER BY c.rank
