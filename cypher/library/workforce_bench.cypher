// workforce_bench: bench strength of role $role, or of every role: holders, ready now, ready soon.
//
// Purpose: holders hold the role; among everyone else, ready now = readiness 1, ready soon
//   = readiness at least $threshold but not 1 (readiness as in workforce_readiness).
//   In the catalogue's order.
// Parameters: $role role code, or null for every role; $threshold readiness from which a
//   non-holder is ready soon (null: 0.8).
// Example: {"role": null, "threshold": 0.8}
// Columns: role, title, holders, ready_now, ready_soon
// Twin: graph.workforce.bench.bench_board — its roles' counts, one row each
OPTIONAL MATCH (w:Workforce {dataset: $dataset})
MATCH (target:Role {dataset: $dataset})
WHERE $role IS NULL OR target.code = $role
CALL (target, w) {
  MATCH (p:Person {dataset: $dataset, import: w.live})
  OPTIONAL MATCH (p)-[:HOLDS]->(held:Role)
  CALL (p, held, target) {
    MATCH (target)-[required:REQUIRES]->(c:Competence)
    OPTIONAL MATCH (p)-[assessed:HAS]->(c)
    OPTIONAL MATCH (held)-[entry:REQUIRES]->(c)
    WITH required.level AS need, coalesce(assessed.level, entry.level, 0) AS have
    RETURN sum(CASE WHEN need > have THEN need - have ELSE 0 END) AS level_steps,
           sum(need) AS required_steps
  }
  WITH coalesce(held = target, false) AS holds,
       CASE required_steps WHEN 0 THEN 1.0
         ELSE round(1.0 - toFloat(level_steps) / required_steps, 4, 'HALF_EVEN') END AS readiness
  RETURN count(CASE WHEN holds THEN 1 END) AS holders,
         count(CASE WHEN NOT holds AND readiness >= 1.0 THEN 1 END) AS ready_now,
         count(CASE WHEN NOT holds AND readiness < 1.0
                     AND readiness >= coalesce($threshold, 0.8) THEN 1 END) AS ready_soon
}
RETURN target.code AS role, target.title AS title, holders, ready_now, ready_soon
ORDER BY target.rank
