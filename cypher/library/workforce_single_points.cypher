// workforce_single_points: what a unit's roles require that at most one of its people holds.
//
// Purpose: for each unit and each competence a role held in the unit requires, level = the
//   highest entry level those roles state; holders = the people of the unit, whatever
//   their role, whose level (assessed, else their role's entry level, else 0) reaches it.
//   Rows with at most one holder are single points of failure. A unit of fewer than
//   $min_group_size people gives one suppressed row, with the reason, instead.
//   By unit, then competence order.
// Parameters: $min_group_size the fewest people a unit may have to be shown (null: 5).
// Example: {"min_group_size": 5}
// Columns: unit, suppressed, reason, competence, title, level, holders, needed_by
// Twin: graph.workforce.spof.single_points_of_failure — its points and suppressed units
MATCH (w:Workforce {dataset: $dataset})
MATCH (member:Person {dataset: $dataset, import: w.live})
WHERE member.unit IS NOT NULL
WITH member.unit AS unit, collect(member) AS members, coalesce($min_group_size, 5) AS least
CALL (unit, members, least) {
  WITH unit, members, least
  WHERE size(members) < least
  RETURN true AS suppressed,
         'fewer than ' + toString(least) + ' people (the minimum group size)' AS reason,
         null AS competence, null AS title, null AS level, null AS holders, null AS needed_by,
         null AS rank
  UNION
  WITH members, least
  WHERE size(members) >= least
  UNWIND members AS p
  MATCH (p)-[:HOLDS]->(:Role)-[required:REQUIRES]->(c:Competence)
  WITH members, c, max(required.level) AS level, count(*) AS needed_by
  CALL (members, c, level) {
    UNWIND members AS m
    OPTIONAL MATCH (m)-[assessed:HAS]->(c)
    OPTIONAL MATCH (m)-[:HOLDS]->(:Role)-[entry:REQUIRES]->(c)
    RETURN count(CASE WHEN coalesce(assessed.level, entry.level, 0) >= level THEN 1 END)
             AS holders
  }
  WITH c, level, needed_by, holders
  WHERE holders <= 1
  RETURN false AS suppressed, null AS reason, c.code AS competence, c.title AS title,
         level, holders, needed_by, c.rank AS rank
}
RETURN unit, suppressed, reason, competence, title, level, holders, needed_by
ORDER BY unit, rank
