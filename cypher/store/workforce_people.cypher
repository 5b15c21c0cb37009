// Store: the people of dataset $dataset's live import (or only $person when given), each
// with the role held and every assessment as parallel lists (competence codes,
// levels, sources, dates as text: compact to read for 100,000 people). The stamp names the
// live import once, so an answer never mixes two imports. Columns: id, unit, role,
// competences, levels, sources, dates.
MATCH (w:Workforce {dataset: $dataset})
MATCH (p:Person {dataset: $dataset, import: w.live})
WHERE $person IS NULL OR p.id = $person
OPTIONAL MATCH (p)-[:HOLDS]->(r:Role)
CALL (p) {
  MATCH (p)-[a:HAS]->(c:Competence)
  RETURN collect(c.code) AS competences, collect(a.level) AS levels,
         collect(a.source) AS sources, collect(toString(a.assessed_on)) AS dates
}
RETURN p.id AS id, p.unit AS unit, r.code AS role,
       competences, levels, sources, dates
