// Seed (workforce): copy people $ids of dataset $dataset's live import, with their role and
// assessments, into import $import_id (a large merge keeps them so; a batch per call).
// Columns: copied.
MATCH (w:Workforce {dataset: $dataset})
UNWIND $ids AS id
MATCH (p:Person {dataset: $dataset, id: id, import: w.live})
CREATE (q:Person {dataset: $dataset, import: $import_id, id: p.id, unit: p.unit})
WITH p, q
CALL (p, q) {
  MATCH (p)-[:HOLDS]->(r:Role)
  CREATE (q)-[:HOLDS]->(r)
}
CALL (p, q) {
  MATCH (p)-[a:HAS]->(c:Competence)
  CREATE (q)-[b:HAS]->(c)
  SET b = properties(a)
}
RETURN count(q) AS copied
