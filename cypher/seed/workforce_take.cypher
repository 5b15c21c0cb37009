// Seed (workforce): make $token the writer of dataset $dataset's workforce for $ttl seconds
// ($token null: release it), if $holder still holds it (null: whoever holds it); $removing
// says it only removes replaced people now, so another writer may take over. The first SET
// takes the node's write lock before the holder is read: a check made before a concurrent
// claim committed would otherwise let a late renewal or release overwrite the new holder.
// Columns: held.
MATCH (w:WorkforceWriter {dataset: $dataset})
SET w.locked_at = datetime()
WITH w
WHERE $holder IS NULL OR w.token = $holder
SET w.token = $token, w.host = $host, w.pid = $pid, w.removing = $removing,
    w.expires = CASE WHEN $token IS NULL THEN null ELSE datetime() + duration({seconds: $ttl}) END
RETURN count(w) AS held
