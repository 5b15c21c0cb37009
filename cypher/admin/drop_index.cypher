// Purpose: drop one index by name. Parameters: $name.
DROP INDEX $name IF EXISTS
