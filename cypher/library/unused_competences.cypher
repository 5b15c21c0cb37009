// unused_competences: e-CF competences that no role of the nomenclature requires.
//
// Purpose: spot gaps between the framework and the roles (or data to check).
// Parameters: none.
// Example: {}
// Columns: code, title, area, area_name
// Twin: app.views.competence_sheet — the competences whose sheet lists no requiring role
MATCH (c:Competence {dataset: $dataset})-[:IN_AREA]->(a:Area {dataset: $dataset})
WHERE NOT EXISTS { (:Role {dataset: $dataset})-[:REQUIRES]->(c) }
RETURN c.code AS code, c.title AS title, a.code AS area, a.name AS area_name
ORDER BY c.rank
