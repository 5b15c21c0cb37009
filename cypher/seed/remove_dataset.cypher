// Seed: delete dataset $dataset entirely: its nodes, their relationships, its stamp, and
// its workforce (people and their stamp). Other datasets are never touched.
// Columns: deleted (nodes).
UNWIND ['Family', 'Area', 'Competence', 'ProficiencyLevel', 'Knowledge', 'Skill', 'Role',
        'Dataset', 'Person', 'Workforce'] AS label
CALL (label) {
  MATCH (n:$(label) {dataset: $dataset})
  DETACH DELETE n
  RETURN count(*) AS gone
}
RETURN sum(gone) AS deleted
