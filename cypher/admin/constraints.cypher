// Purpose: names of all constraints, so a test database can be wiped to nothing.
// Parameters: none. Columns: name.
SHOW CONSTRAINTS YIELD name RETURN name
