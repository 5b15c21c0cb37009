// career_links: the career map's moves, with why each exists.
//
// Purpose: CAREER_LINK relationships, optionally only those leaving one role or of one kind.
//   'documented' links quote the source document; 'inferred' links come from coverage
//   (graph/algorithms/links.py) and say so in `evidence`.
// Parameters: $source role code or null (all roles); $kind 'documented' | 'inferred' | null (both).
// Example: {"source": null, "kind": "documented"}
// Columns: source, source_title, target, target_title, kind, coverage, level_steps, evidence
// Twin: graph.algorithms.links.career_links — the links the service serves, filtered
MATCH (a:Role {dataset: $dataset})-[l:CAREER_LINK]->(b:Role {dataset: $dataset})
WHERE ($source IS NULL OR a.code = $source) AND ($kind IS NULL OR l.kind = $kind)
RETURN a.code AS source, a.title AS source_title, b.code AS target, b.title AS target_title,
       l.kind AS kind, l.coverage AS coverage, l.level_steps AS level_steps, l.evidence AS evidence
ORDER BY a.rank, b.rank
