// reachable_within: every role reachable from role $source in at most $max_moves moves.
//
// Purpose: the career horizon of a role: for each reachable role, the fewest moves over
//   CAREER_LINK (any kind) and one route with that many moves. Uses shortestPath per
//   target (bounded at 10 moves): a one-to-all `SHORTEST 1 ...+` is far slower here.
// Parameters: $source role code; $max_moves the most moves allowed, 1..10 (e.g. 2).
// Example: {"source": "3.2", "max_moves": 2}
// Columns: code, title, moves, route
// Twin: graph.snapshot.Snapshot.career — the fewest moves over the career graph (breadth first)
MATCH (a:Role {dataset: $dataset, code: $source}), (b:Role {dataset: $dataset})
WHERE b <> a
MATCH p = shortestPath((a)-[:CAREER_LINK*..10]->(b))
WITH b, p
WHERE length(p) <= $max_moves
RETURN b.code AS code, b.title AS title, length(p) AS moves, [r IN nodes(p) | r.code] AS route
ORDER BY moves, b.rank
