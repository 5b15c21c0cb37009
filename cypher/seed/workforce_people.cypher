// Seed (workforce): create people under $into (dataset $dataset, or its staging id), with
// the role of $dataset each holds and what was assessed.
// $rows: [{id, unit, role, has: [{competence, level, source, assessed_on}]}].
// Columns: people, held, assessed (the caller checks them against what it sent).
UNWIND $rows AS row
CREATE (p:Person {dataset: $into, id: row.id, unit: row.unit})
WITH p, row
OPTIONAL MATCH (r:Role {dataset: $dataset, code: row.role})
FOREACH (role IN CASE WHEN r IS NULL THEN [] ELSE [r] END | CREATE (p)-[:HOLDS]->(role))
WITH p, row, count(r) AS held
CALL (p, row) {
  UNWIND row.has AS a
  MATCH (c:Competence {dataset: $dataset, code: a.competence})
  CREATE (p)-[:HAS {level: a.level, source: a.source, assessed_on: a.assessed_on}]->(c)
  RETURN count(*) AS assessed
}
RETURN count(p) AS people, sum(held) AS held, sum(assessed) AS assessed
