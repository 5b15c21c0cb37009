// family_overview: each family's roles and how demanding they are.
//
// Purpose: a one-screen summary of the nomenclature per family.
// Parameters: none.
// Example: {}
// Columns: family, name, roles, competences, requirements, mean_level
// Twin: analyst-only — the service computes no per-family aggregate
MATCH (f:Family {dataset: $dataset})
OPTIONAL MATCH (f)<-[:IN_FAMILY]-(r:Role {dataset: $dataset})
OPTIONAL MATCH (r)-[q:REQUIRES]->(c:Competence {dataset: $dataset})
WITH f, count(DISTINCT r) AS roles, count(DISTINCT c) AS competences,
     count(q) AS requirements, round(avg(q.level), 2) AS mean_level
ORDER BY f.rank
RETURN f.code AS family, f.name AS name, roles, competences, requirements, mean_level
