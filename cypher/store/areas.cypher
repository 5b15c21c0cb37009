// Store: every e-CF area. Parameters: none. Columns: code, name.
MATCH (a:Area)
RETURN a.code AS code, a.name AS name
ORDER BY code
