// Seed (workforce): delete, a thousand at a time, the people an import staged or retired
// under ids starting with $prefix ('<dataset>~'; no dataset id holds a '~'). Auto-commit
// only (CALL ... IN TRANSACTIONS). Columns: none.
MATCH (p:Person)
WHERE p.dataset STARTS WITH $prefix
CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 1000 ROWS
