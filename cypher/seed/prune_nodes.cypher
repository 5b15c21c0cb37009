// Seed: delete the nodes an older dataset left that the new one does not have.
// Parameters: lists of the new keys: $families, $areas, $competences, $levels,
// $knowledge, $skills, $roles, and the new $dataset name.
MATCH (n)
WHERE (n:Family AND NOT n.number IN $families)
   OR (n:Area AND NOT n.code IN $areas)
   OR (n:Competence AND NOT n.code IN $competences)
   OR (n:ProficiencyLevel AND NOT n.key IN $levels)
   OR (n:Knowledge AND NOT n.key IN $knowledge)
   OR (n:Skill AND NOT n.key IN $skills)
   OR (n:Role AND NOT n.code IN $roles)
   OR (n:Dataset AND n.name <> $dataset)
DETACH DELETE n
RETURN count(*) AS deleted
