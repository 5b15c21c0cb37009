// role_profile: a role's competence profile, one row per required competence.
//
// Purpose: what a role requires, with the e-CF descriptor of the entry level, to print or
//   export a role's profile. descriptor is null where the e-CF defines no such level.
// Parameters: $role role code.
// Example: {"role": "3.4"}
// Columns: code, title, family, competence, competence_title, area, area_name, level,
//   level_max, levels, descriptor
// Twin: app.views.role_sheet — its family and `competences`, with each entry level's descriptor
MATCH (r:Role {dataset: $dataset, code: $role})-[:IN_FAMILY]->(f:Family {dataset: $dataset})
MATCH (r)-[q:REQUIRES]->(c:Competence {dataset: $dataset})-[:IN_AREA]->(a:Area {dataset: $dataset})
OPTIONAL MATCH (c)-[:HAS_LEVEL]->(p:ProficiencyLevel {dataset: $dataset, level: q.level})
RETURN r.code AS code, r.title AS title, f.name AS family, c.code AS competence,
       c.title AS competence_title, a.code AS area, a.name AS area_name, q.level AS level,
       q.level_max AS level_max, q.levels AS levels, p.descriptor AS descriptor
ORDER BY c.rank
