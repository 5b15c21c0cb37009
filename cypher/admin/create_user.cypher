// Purpose: create a login beside the built-in `neo4j` admin (local launcher, NEO4J_USER).
// Parameters: $user, $password. Run against the `system` database.
CREATE USER $user IF NOT EXISTS SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED
