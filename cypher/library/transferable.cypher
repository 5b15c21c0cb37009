// transferable: what the holder of role $source brings that role $target does not require.
//
// Purpose: the competences a move leaves unused (the gap's `transferable` list): strengths
//   to mention, or a sign the move under-uses a person. have = the source role's low end.
// Parameters: $source role code; $target role code.
// Example: {"source": "3.2", "target": "3.4"}
// Columns: competence, title, area, area_name, have
// Twin: graph.algorithms.gap.gap — the report's `transferable` list, for the holder of $source
MATCH (source:Role {dataset: $dataset, code: $source})-[held:REQUIRES]->(c:Competence {dataset: $dataset})-[:IN_AREA]->(a:Area {dataset: $dataset}),
      (target:Role {dataset: $dataset, code: $target})
WHERE NOT EXISTS { (target)-[:REQUIRES]->(c) }
RETURN c.code AS competence, c.title AS title, a.code AS area, a.name AS area_name,
       held.level AS have
ORDER BY c.rank
