// unused_competences: e-CF competences that no role of the nomenclature requires.
//
// Purpose: spot gaps between the framework and the roles (or data to check).
// Parameters: none.
// Example: {}
// Columns: code, title, area
MATCH (c:Competence)-[:IN_AREA]->(a:Area)
WHERE NOT EXISTS { (:Role)-[:REQUIRES]->(c) }
RETURN c.code AS code, c.title AS title, a.name AS area
ORDER BY left(code, 1), toInteger(substring(code, 1))
