// Seed: delete the nodes of dataset $dataset that its new release does not have.
// Parameters: $dataset and lists of the new keys: $families, $areas, $competences,
// $levels, $knowledge, $skills, $roles. Other datasets are never touched.
UNWIND [['Family', 'code', $families], ['Area', 'code', $areas],
        ['Competence', 'code', $competences], ['ProficiencyLevel', 'key', $levels],
        ['Knowledge', 'key', $knowledge], ['Skill', 'key', $skills],
        ['Role', 'code', $roles]] AS kind
CALL (kind) {
  MATCH (n:$(kind[0]) {dataset: $dataset})
  WHERE NOT n[kind[1]] IN kind[2]
  DETACH DELETE n
  RETURN count(*) AS gone
}
RETURN sum(gone) AS deleted
