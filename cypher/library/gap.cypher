// gap: what separates the holder of role $source from role $target, competence by competence.
//
// Purpose: one row per competence the target requires. have = the level the source role
//   requires (its low end), or 0; need = the target's low end (basis 'entry') or high end
//   (basis 'mastery'); delta = max(0, need - have); status 'missing' (have = 0),
//   'raise' (0 < have < need) or 'met'. Same definition as graph/algorithms/gap.py.
// Parameters: $source role code; $target role code; $basis 'entry' | 'mastery' | null (= entry).
// Example: {"source": "3.2", "target": "3.4", "basis": "entry"}
// Columns: competence, title, area, have, need, delta, status
// Twin: graph.algorithms.gap.gap — the report's items, one row each (graph/tables.py's gap row)
MATCH (source:Role {dataset: $dataset, code: $source}), (target:Role {dataset: $dataset, code: $target})
MATCH (target)-[required:REQUIRES]->(c:Competence {dataset: $dataset})-[:IN_AREA]->(a:Area {dataset: $dataset})
OPTIONAL MATCH (source)-[held:REQUIRES]->(c)
WITH c, a, c.rank AS rank, coalesce(held.level, 0) AS have,
     CASE $basis WHEN 'mastery' THEN required.level_max ELSE required.level END AS need
RETURN c.code AS competence, c.title AS title, a.code AS area, have, need,
       CASE WHEN need > have THEN need - have ELSE 0 END AS delta,
       CASE WHEN have >= need THEN 'met' WHEN have = 0 THEN 'missing' ELSE 'raise' END AS status
ORDER BY rank
