// similar_roles: roles whose competence set is closest to role $role's.
//
// Purpose: lateral moves and overlapping roles: Jaccard similarity of the sets of
//   required competences (levels ignored), most similar first.
// Parameters: $role role code; $limit how many roles.
// Example: {"role": "3.2", "limit": 5}
// Columns: code, title, shared, jaccard
MATCH (r:Role {code: $role})-[:REQUIRES]->(c:Competence)
WITH r, collect(c) AS mine
MATCH (other:Role)-[:REQUIRES]->(c:Competence)
WHERE other <> r
WITH r, mine, other, collect(c) AS theirs
WITH other, size([c IN theirs WHERE c IN mine]) AS shared, size(mine) + size(theirs) AS sizes
WHERE shared > 0
RETURN other.code AS code, other.title AS title, shared,
       round(toFloat(shared) / (sizes - shared), 4) AS jaccard
ORDER BY jaccard DESC, shared DESC,
         toInteger(split(code, '.')[0]), toInteger(split(code, '.')[1])
LIMIT $limit
