// workforce_heatmap: units x competences: who holds what their own role requires.
//
// Purpose: for each unit and competence, people = the people of the unit whose held role
//   requires it; holding = those whose level (assessed, else the role's entry level)
//   reaches their role's entry level; share = holding / people, 4 places half-even. A cell
//   over fewer than $min_group_size people is suppressed: no numbers, and the reason.
//   People without a unit or a role are not counted. By unit, then competence order.
// Parameters: $min_group_size the fewest people a cell may show (null: 5).
// Example: {"min_group_size": 5}
// Columns: unit, competence, title, people, holding, share, suppressed, reason
// Twin: graph.workforce.heatmap.heatmap — its cells, as graph.workforce.heatmap.heatmap_rows
MATCH (w:Workforce {dataset: $dataset})
MATCH (p:Person {dataset: $dataset, import: w.live})-[:HOLDS]->(:Role)-[required:REQUIRES]->(c:Competence)
WHERE p.unit IS NOT NULL
OPTIONAL MATCH (p)-[assessed:HAS]->(c)
WITH p.unit AS unit, c, count(*) AS people,
     count(CASE WHEN coalesce(assessed.level, required.level) >= required.level THEN 1 END)
       AS holding
WITH unit, c, people, holding, people < coalesce($min_group_size, 5) AS suppressed
RETURN unit, c.code AS competence, c.title AS title,
       CASE WHEN suppressed THEN null ELSE people END AS people,
       CASE WHEN suppressed THEN null ELSE holding END AS holding,
       CASE WHEN suppressed THEN null
         ELSE round(toFloat(holding) / people, 4, 'HALF_EVEN') END AS share,
       suppressed,
       CASE WHEN suppressed THEN 'fewer than ' + toString(coalesce($min_group_size, 5))
         + ' people (the minimum group size)' END AS reason
ORDER BY unit, c.rank
