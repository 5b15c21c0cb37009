// Store: the people of dataset $dataset (or only $person when given), by id, each with the
// role held and every assessment. Columns: id, unit, role, assessments.
MATCH (p:Person {dataset: $dataset})
WHERE $person IS NULL OR p.id = $person
OPTIONAL MATCH (p)-[:HOLDS]->(r:Role)
CALL (p) {
  MATCH (p)-[a:HAS]->(c:Competence)
  RETURN collect({competence: c.code, level: a.level, source: a.source,
                  assessed_on: a.assessed_on}) AS assessments
}
RETURN p.id AS id, p.unit AS unit, r.code AS role, assessments
ORDER BY id
