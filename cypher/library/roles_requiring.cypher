// roles_requiring: which roles require competence $competence at level $min_level or above.
//
// Purpose: find the roles that need a competence, e.g. to staff a project or target training.
//   A requirement counts when its high end reaches $min_level.
// Parameters: $competence e-CF code, e.g. "B1"; $min_level 1..5 (1 = any level).
// Example: {"competence": "B1", "min_level": 3}
// Columns: code, title, family, level, level_max, levels
MATCH (r:Role)-[q:REQUIRES]->(:Competence {code: $competence})
WHERE q.level_max >= $min_level
MATCH (r)-[:IN_FAMILY]->(f:Family)
RETURN r.code AS code, r.title AS title, f.name AS family, q.level AS level,
       q.level_max AS level_max, q.levels AS levels
ORDER BY level_max DESC, toInteger(split(code, '.')[0]), toInteger(split(code, '.')[1])
