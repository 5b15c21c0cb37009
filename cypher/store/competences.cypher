// Store: every competence with its levels, knowledge and skills, in the e-CF's order.
// Parameters: none. Columns: code, area, title, description, levels, knowledge, skills.
MATCH (c:Competence)-[:IN_AREA]->(a:Area)
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
ORDER BY left(code, 1), toInteger(substring(code, 1))
