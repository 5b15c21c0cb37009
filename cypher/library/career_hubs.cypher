// career_hubs: roles by how many career moves lead in and out.
//
// Purpose: crossroads roles (many ways out) and destination roles (many ways in); split by
//   documented and inferred links.
// Parameters: none.
// Example: {}
// Columns: code, title, moves_in, moves_out, documented_in, documented_out
// Twin: analyst-only — the service counts no moves per role; a role sheet lists its links
MATCH (r:Role {dataset: $dataset})
RETURN r.code AS code, r.title AS title,
       COUNT { (r)<-[:CAREER_LINK]-() } AS moves_in,
       COUNT { (r)-[:CAREER_LINK]->() } AS moves_out,
       COUNT { (r)<-[:CAREER_LINK {kind: 'documented'}]-() } AS documented_in,
       COUNT { (r)-[:CAREER_LINK {kind: 'documented'}]->() } AS documented_out
ORDER BY moves_in + moves_out DESC, r.rank
