// shortest_moves: the fewest career moves from role $source to role $target.
//
// Purpose: one shortest path over CAREER_LINK (Cypher 5 `SHORTEST 1`), optionally over
//   documented links only. Fewest moves, not least learning, and reach aside: the
//   service's /paths keeps paths whose every step is within reach of all held before it
//   and ranks them by cumulative learning cost; its `fewest_moves` is this count.
//   No row when the target cannot be reached.
// Parameters: $source role code; $target role code; $kinds list of link kinds to use,
//   e.g. ['documented', 'inferred'] or ['documented'].
// Example: {"source": "5.2", "target": "7.4", "kinds": ["documented", "inferred"]}
// Columns: roles, titles, moves, kinds, level_steps
// Twin: graph.snapshot.Snapshot.career — the fewest moves over the career graph (breadth first)
MATCH p = SHORTEST 1 (a:Role {dataset: $dataset, code: $source})
          (()-[l:CAREER_LINK]->() WHERE l.kind IN $kinds)+
          (b:Role {dataset: $dataset, code: $target})
RETURN [r IN nodes(p) | r.code] AS roles, [r IN nodes(p) | r.title] AS titles,
       length(p) AS moves, [x IN relationships(p) | x.kind] AS kinds,
       reduce(total = 0, x IN relationships(p) | total + x.level_steps) AS level_steps
