// transferable: what the holder of role $source brings that role $target does not require.
//
// Purpose: the competences a move leaves unused (the gap's `transferable` list): strengths
//   to mention, or a sign the move under-uses a person.
// Parameters: $source role code; $target role code.
// Example: {"source": "3.2", "target": "3.4"}
// Columns: competence, title, area, have
MATCH (source:Role {code: $source})-[held:REQUIRES]->(c:Competence)-[:IN_AREA]->(a:Area),
      (target:Role {code: $target})
WHERE NOT EXISTS { (target)-[:REQUIRES]->(c) }
RETURN c.code AS competence, c.title AS title, a.name AS area, held.level AS have
ORDER BY left(competence, 1), toInteger(substring(competence, 1))
