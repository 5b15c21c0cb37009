// competence_heatmap: families x e-CF areas, how many requirements and at which levels.
//
// Purpose: where each family's demands lie (PLAN, BUILD, RUN, ENABLE, MANAGE); every cell
//   of the grid is returned, empty ones with zeros, ready for a pivot table.
// Parameters: none.
// Example: {}
// Columns: family, family_name, area, area_name, requirements, roles, e1, e2, e3, e4, e5, mean_level
// Twin: analyst-only — the service computes no aggregate over families and areas
MATCH (f:Family), (a:Area)
OPTIONAL MATCH (f)<-[:IN_FAMILY]-(r:Role)-[q:REQUIRES]->(:Competence)-[:IN_AREA]->(a)
WITH f, a, collect(q.level) AS levels, count(DISTINCT r) AS roles
RETURN f.number AS family, f.name AS family_name, a.code AS area, a.name AS area_name,
       size(levels) AS requirements, roles,
       size([l IN levels WHERE l = 1]) AS e1, size([l IN levels WHERE l = 2]) AS e2,
       size([l IN levels WHERE l = 3]) AS e3, size([l IN levels WHERE l = 4]) AS e4,
       size([l IN levels WHERE l = 5]) AS e5,
       CASE size(levels) WHEN 0 THEN null
         ELSE round(toFloat(reduce(s = 0, l IN levels | s + l)) / size(levels), 2) END AS mean_level
ORDER BY family, area
