// competence_heatmap: families x competence areas, how many requirements and at which levels.
//
// Purpose: where each family's demands lie (for the e-CF: PLAN, BUILD, RUN, ENABLE,
//   MANAGE); every cell of the grid is returned, empty ones with zeros, ready for a pivot
//   table. by_level counts the requirements at each level of the scale (e-1, e-2, ...).
// Parameters: none.
// Example: {}
// Columns: family, family_name, area, area_name, requirements, roles, by_level, mean_level
// Twin: analyst-only — the service computes no aggregate over families and areas
MATCH (d:Dataset {id: $dataset}), (f:Family {dataset: $dataset}), (a:Area {dataset: $dataset})
OPTIONAL MATCH (f)<-[:IN_FAMILY]-(r:Role {dataset: $dataset})-[q:REQUIRES]->(:Competence {dataset: $dataset})-[:IN_AREA]->(a)
WITH d, f, a, collect(q.level) AS levels, count(DISTINCT r) AS roles
ORDER BY f.rank, a.rank
RETURN f.code AS family, f.name AS family_name, a.code AS area, a.name AS area_name,
       size(levels) AS requirements, roles,
       [n IN range(1, size(d.scale_labels)) | size([l IN levels WHERE l = n])] AS by_level,
       CASE size(levels) WHEN 0 THEN null
         ELSE round(toFloat(reduce(s = 0, l IN levels | s + l)) / size(levels), 2) END AS mean_level
