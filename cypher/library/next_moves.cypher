// next_moves: the roles most within reach of the holder of role $source.
//
// Purpose: the feasibility ranking (the next-moves rule before version 3, which the
//   evaluation keeps as "today's rule"; the service's next moves now rank by relatedness
//   within a direction, docs/recommendations.md: its title-word weighting has no plain
//   Cypher form). Every other role ranked by coverage = 1 - level_steps / required_steps, where
//   level_steps sums max(0, target entry level - source low-end level) over the target's
//   requirements and required_steps sums the target's entry levels (as in
//   graph/algorithms/moves.py by_coverage; rounded to 4 places half-even, like Python's round()).
//   Ties: fewer level steps, then role code. `documented` says whether the source
//   document states the move.
// Parameters: $source role code; $limit how many roles.
// Example: {"source": "3.2", "limit": 10}
// Columns: code, title, coverage, level_steps, required_steps, documented
// Twin: graph.algorithms.moves.by_coverage — for the holder of role $source
MATCH (source:Role {dataset: $dataset, code: $source}), (target:Role {dataset: $dataset})
WHERE target <> source
CALL (source, target) {
  MATCH (target)-[required:REQUIRES]->(c:Competence {dataset: $dataset})
  OPTIONAL MATCH (source)-[held:REQUIRES]->(c)
  WITH required.level AS need, coalesce(held.level, 0) AS have
  RETURN sum(CASE WHEN need > have THEN need - have ELSE 0 END) AS level_steps,
         sum(need) AS required_steps
}
RETURN target.code AS code, target.title AS title,
       CASE required_steps WHEN 0 THEN 1.0
         ELSE round(1.0 - toFloat(level_steps) / required_steps, 4, 'HALF_EVEN') END AS coverage,
       level_steps, required_steps,
       EXISTS { (source)-[:CAREER_LINK {kind: 'documented'}]->(target) } AS documented
ORDER BY coverage DESC, level_steps,
         target.rank
LIMIT $limit
