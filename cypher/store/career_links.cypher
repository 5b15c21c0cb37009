// Store: one dataset's career links as stored; the service serves these.
// Parameters: $dataset. Columns: source, target, kind, coverage, level_steps, evidence,
// condition ("": everyone, or a link stored before conditions existed).
MATCH (a:Role {dataset: $dataset})-[l:CAREER_LINK]->(b:Role)
RETURN a.code AS source, b.code AS target, l.kind AS kind, l.coverage AS coverage,
       l.level_steps AS level_steps, l.evidence AS evidence,
       coalesce(l.condition, '') AS condition
ORDER BY a.rank, b.rank, kind
