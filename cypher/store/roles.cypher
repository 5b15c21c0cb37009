// Store: one dataset's roles: properties, family and requirements (in the sheet's order).
// Parameters: $dataset. Columns: role (map of properties), family, requirements.
MATCH (r:Role {dataset: $dataset})-[:IN_FAMILY]->(f:Family)
CALL (r) {
  MATCH (r)-[q:REQUIRES]->(c:Competence)
  WITH q, c ORDER BY q.position
  RETURN collect({competence: c.code, levels: q.levels, combine: q.combine}) AS requirements
}
RETURN r {.*} AS role, f.code AS family, requirements
ORDER BY r.rank
