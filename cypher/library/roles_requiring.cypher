// roles_requiring: which roles require competence $competence at level $min_level or above.
//
// Purpose: find the roles that need a competence, e.g. to staff a project or target training.
//   A requirement counts when its high end reaches $min_level. Ordered by role code, as
//   GET /api/v1/roles?competence=&min_level= answers.
// Parameters: $competence e-CF code, e.g. "B1"; $min_level 1..5 (1 or null = any level).
// Example: {"competence": "B1", "min_level": 3}
// Columns: code, title, family, level, level_max, levels
// Twin: app.routers.catalog.matching_roles — its answer to `competence` and `min_level`
MATCH (r:Role {dataset: $dataset})-[q:REQUIRES]->(:Competence {dataset: $dataset, code: $competence})
WHERE q.level_max >= coalesce($min_level, 1)
MATCH (r)-[:IN_FAMILY]->(f:Family {dataset: $dataset})
RETURN r.code AS code, r.title AS title, f.name AS family, q.level AS level,
       q.level_max AS level_max, q.levels AS levels
ORDER BY r.rank
