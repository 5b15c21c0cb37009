// Store: every family. Parameters: none. Columns: number, name, description.
MATCH (f:Family)
RETURN f.number AS number, f.name AS name, f.description AS description
ORDER BY number
