// similar_roles: the roles most alike role $role, by the levels they require.
//
// Purpose: lateral moves and overlapping roles. similarity = weighted Jaccard of the two
//   roles' entry levels: the sum of the lower level over the sum of the higher, taken over
//   every competence either role requires (0 where one does not), rounded to 4 places;
//   1.0 when neither requires anything (graph/algorithms/similarity.py). shared = how many
//   competences both require. Every other role has a row; most similar first, ties by code.
// Parameters: $role role code; $limit how many roles.
// Example: {"role": "3.2", "limit": 5}
// Columns: code, title, similarity, shared
// Twin: graph.algorithms.similarity.related_roles — the role sheet's `related` roles
MATCH (r:Role {dataset: $dataset, code: $role}), (other:Role {dataset: $dataset})
WHERE other <> r
CALL (r, other) {
  UNWIND [r, other] AS holder
  MATCH (holder)-[q:REQUIRES]->(c:Competence {dataset: $dataset})
  WITH c, sum(CASE holder WHEN r THEN q.level ELSE 0 END) AS mine,
       sum(CASE holder WHEN other THEN q.level ELSE 0 END) AS theirs
  RETURN sum(CASE WHEN mine < theirs THEN mine ELSE theirs END) AS low,
         sum(CASE WHEN mine > theirs THEN mine ELSE theirs END) AS high,
         count(CASE WHEN mine > 0 AND theirs > 0 THEN c END) AS shared
}
RETURN other.code AS code, other.title AS title,
       CASE high WHEN 0 THEN 1.0
         ELSE round(toFloat(low) / high, 4, 'HALF_EVEN') END AS similarity,
       shared
ORDER BY similarity DESC, other.rank
LIMIT $limit
