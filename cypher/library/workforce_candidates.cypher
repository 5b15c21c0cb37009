// workforce_candidates: who outside role $role is ready for it now or soon, best first.
//
// Purpose: the non-holders whose readiness (as in workforce_readiness) is at least
//   $threshold, by readiness, then fewer level steps, then id; with their unit and the
//   role they hold now.
// Parameters: $role role code; $threshold readiness from which a non-holder is ready soon
//   (null: 0.8); $limit how many people.
// Example: {"role": "3.4", "threshold": 0.8, "limit": 20}
// Columns: person, unit, held_role, readiness, level_steps
// Twin: graph.workforce.bench.bench_strength — its candidates, one row each
MATCH (target:Role {dataset: $dataset, code: $role})
MATCH (w:Workforce {dataset: $dataset})
MATCH (p:Person {dataset: $dataset, import: w.live})
OPTIONAL MATCH (p)-[:HOLDS]->(held:Role)
WITH target, p, held
WHERE held IS NULL OR held <> target
CALL (p, held, target) {
  MATCH (target)-[required:REQUIRES]->(c:Competence)
  OPTIONAL MATCH (p)-[assessed:HAS]->(c)
  OPTIONAL MATCH (held)-[entry:REQUIRES]->(c)
  WITH required.level AS need, coalesce(assessed.level, entry.level, 0) AS have
  RETURN sum(CASE WHEN need > have THEN need - have ELSE 0 END) AS level_steps,
         sum(need) AS required_steps
}
WITH p, held, level_steps,
     CASE required_steps WHEN 0 THEN 1.0
       ELSE round(1.0 - toFloat(level_steps) / required_steps, 4, 'HALF_EVEN') END AS readiness
WHERE readiness >= coalesce($threshold, 0.8)
RETURN p.id AS person, p.unit AS unit, held.code AS held_role, readiness, level_steps
ORDER BY readiness DESC, level_steps, person
LIMIT $limit
