// Purpose: replace a fresh server's factory password (local launcher). Parameters: $old, $new.
// Run against the `system` database, logged in as the user whose password changes.
ALTER CURRENT USER SET PASSWORD FROM $old TO $new
