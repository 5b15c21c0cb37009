// competence_levels: the e-CF proficiency levels of competence $competence.
//
// Purpose: what e-1..e-5 mean for one competence; levels the e-CF marks "not applicable"
//   have no row.
// Parameters: $competence e-CF code, e.g. "A1".
// Example: {"competence": "A1"}
// Columns: competence, title, level, eqf, descriptor
// Twin: app.views.competence_sheet — its `levels`
MATCH (c:Competence {dataset: $dataset, code: $competence})-[:HAS_LEVEL]->(p:ProficiencyLevel {dataset: $dataset})
RETURN c.code AS competence, c.title AS title, p.level AS level, p.eqf AS eqf,
       p.descriptor AS descriptor
ORDER BY level
