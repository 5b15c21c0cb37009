// Store: every career link as stored, documented and inferred; the service serves these.
// Parameters: none. Columns: source, target, kind, coverage, level_steps, evidence.
MATCH (a:Role)-[l:CAREER_LINK]->(b:Role)
RETURN a.code AS source, b.code AS target, l.kind AS kind, l.coverage AS coverage,
       l.level_steps AS level_steps, l.evidence AS evidence
ORDER BY toInteger(split(source, '.')[0]), toInteger(split(source, '.')[1]),
         toInteger(split(target, '.')[0]), toInteger(split(target, '.')[1]), kind
