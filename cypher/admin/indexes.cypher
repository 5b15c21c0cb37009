// Purpose: names of the indexes a schema created (not the built-in token lookups, not the
// indexes that back a constraint: dropping the constraint drops those).
// Parameters: none. Columns: name.
SHOW INDEXES YIELD name, type, owningConstraint
WHERE type <> 'LOOKUP' AND owningConstraint IS NULL
RETURN name
