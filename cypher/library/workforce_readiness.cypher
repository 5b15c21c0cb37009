// workforce_readiness: how ready person $person is for role $role, or for every role.
//
// Purpose: readiness = the coverage of the entry-basis gap from the person's holdings: the
//   assessed level where there is one (HAS), else the entry level of the role they hold
//   (HOLDS), else 0; rounded to 4 places half-even, as the gap. Ranked by readiness, then
//   fewer level steps, then role order (docs/design.md, "Workforce").
// Parameters: $person person id; $role role code, or null for every role.
// Example: {"person": "P001", "role": null}
// Columns: person, role, title, holds, readiness, level_steps, required_steps
// Twin: graph.workforce.readiness.readiness — the answer's roles, one row each
MATCH (w:Workforce {dataset: $dataset})
MATCH (p:Person {dataset: $dataset, id: $person, import: w.live})
OPTIONAL MATCH (p)-[:HOLDS]->(held:Role)
MATCH (target:Role {dataset: $dataset})
WHERE $role IS NULL OR target.code = $role
CALL (p, held, target) {
  MATCH (target)-[required:REQUIRES]->(c:Competence)
  OPTIONAL MATCH (p)-[assessed:HAS]->(c)
  OPTIONAL MATCH (held)-[entry:REQUIRES]->(c)
  WITH required.level AS need, coalesce(assessed.level, entry.level, 0) AS have
  RETURN sum(CASE WHEN need > have THEN need - have ELSE 0 END) AS level_steps,
         sum(need) AS required_steps
}
WITH p, target, held, level_steps, required_steps,
     CASE required_steps WHEN 0 THEN 1.0
       ELSE round(1.0 - toFloat(level_steps) / required_steps, 4, 'HALF_EVEN') END AS readiness
RETURN p.id AS person, target.code AS role, target.title AS title,
       coalesce(held = target, false) AS holds, readiness, level_steps, required_steps
ORDER BY readiness DESC, level_steps, target.rank
