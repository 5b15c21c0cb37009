// Seed (workforce): create people of dataset $dataset under import $import_id, with the role
// each holds and what was assessed. The roles and competences a batch names are looked up
// once ($roles, $competences: codes); rows point into those lists, with each person's
// assessments as parallel lists (dates as ISO text, stored as DATEs):
// $rows: [{id, unit, role: index or null, competences: [index], levels, sources, dates}].
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
FOREACH (i IN range(0, size(row.competences) - 1) |
  FOREACH (c IN [competences[row.competences[i]]] |
    CREATE (p)-[:HAS {level: row.levels[i], source: row.sources[i],
                      assessed_on: date(row.dates[i])}]->(c)))
RETURN count(p) AS people, count(row.role) AS held, sum(size(row.competences)) AS assessed
