// Seed: adopt a release staged under $staging (graph/neo4j/seeding.py: written in several
// transactions under an id no reader asks for) as dataset $dataset's, in the caller's one
// transaction, which also stamps it: every staged node takes the dataset's id; the
// relationships follow their nodes. Columns: adopted (nodes).
UNWIND ['Family', 'Area', 'Competence', 'ProficiencyLevel', 'Knowledge', 'Skill', 'Role'] AS label
CALL (label) {
  MATCH (n:$(label) {dataset: $staging})
  SET n.dataset = $dataset
  RETURN count(*) AS moved
}
RETURN sum(moved) AS adopted
