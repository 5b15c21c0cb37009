// Store: the people of dataset $dataset's live import as the workforce index reads them
// (graph/workforce/index.py): id, unit, role held, and the codes and levels of what was
// assessed (no sources or dates). In chunks of $chunk people, one record each: the driver
// handles 100 records for 100,000 people, not 100,000. The stamp names the live import
// once, so an answer never mixes two imports. Columns: people ([[id, unit, role,
// [competence], [level]]], in no particular order).
MATCH (w:Workforce {dataset: $dataset})
MATCH (p:Person {dataset: $dataset, import: w.live})
WITH collect(p) AS people
UNWIND range(0, size(people) - 1, $chunk) AS start
CALL (people, start) {
  UNWIND people[start..start + $chunk] AS p
  OPTIONAL MATCH (p)-[:HOLDS]->(r:Role)
  CALL (p) {
    MATCH (p)-[a:HAS]->(c:Competence)
    RETURN collect(c.code) AS competences, collect(a.level) AS levels
  }
  RETURN collect([p.id, p.unit, r.code, competences, levels]) AS chunk
}
RETURN chunk AS people
