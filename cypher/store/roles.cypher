// Store: every role's properties, family and requirements (in the sheet's order).
// Parameters: none. Columns: role (map of properties), family, requirements.
MATCH (r:Role)-[:IN_FAMILY]->(f:Family)
CALL (r) {
  MATCH (r)-[q:REQUIRES]->(c:Competence)
  WITH q, c ORDER BY q.position
  RETURN collect({competence: c.code, levels: q.levels, combine: q.combine}) AS requirements
}
RETURN r {.*} AS role, f.number AS family, requirements
ORDER BY toInteger(split(r.code, '.')[0]), toInteger(split(r.code, '.')[1])
