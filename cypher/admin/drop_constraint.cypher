// Purpose: drop one constraint by name. Parameters: $name.
DROP CONSTRAINT $name IF EXISTS
