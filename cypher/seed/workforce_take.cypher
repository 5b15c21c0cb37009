// Seed (workforce): make $token the writer of dataset $dataset's workforce for $ttl seconds
// ($token null: release it, if $holder still holds it). Columns: held.
MATCH (w:WorkforceWriter {dataset: $dataset})
WHERE $holder IS NULL OR w.token = $holder
SET w.token = $token, w.host = $host, w.pid = $pid,
    w.expires = CASE WHEN $token IS NULL THEN null ELSE datetime() + duration({seconds: $ttl}) END
RETURN count(w) AS held
