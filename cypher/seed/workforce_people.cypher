// Seed (workforce): create people of dataset $dataset under import $import_id, with the role
// each holds and what was assessed. The roles and competences a batch names are looked up
// once ($roles, $competences: codes); rows point into those lists:
// $rows: [{id, unit, role: index or null, has: [{competence: index, level, source, assessed_on}]}].
// A code the dataset lacks writes nothing. Columns: people, held, assessed.
CALL () {
  UNWIND $roles AS code
  MATCH (r:Role {dataset: $dataset, code: code})
  RETURN collect(r) AS roles
}
CALL () {
  UNWIND $competences AS code
  MATCH (c:Competence {dataset: $dataset, code: code})
  RETURN collect(c) AS competences
}
WITH roles, competences
WHERE size(roles) = size($roles) AND size(competences) = size($competences)
UNWIND $rows AS row
CREATE (p:Person {dataset: $dataset, import: $import_id, id: row.id, unit: row.unit})
FOREACH (role IN CASE WHEN row.role IS NULL THEN [] ELSE [roles[row.role]] END |
  CREATE (p)-[:HOLDS]->(role))
FOREACH (a IN row.has |
  FOREACH (c IN [competences[a.competence]] |
    CREATE (p)-[:HAS {level: a.level, source: a.source, assessed_on: a.assessed_on}]->(c)))
RETURN count(p) AS people, count(row.role) AS held, sum(size(row.has)) AS assessed
