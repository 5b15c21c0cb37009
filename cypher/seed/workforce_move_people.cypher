// Seed (workforce): move people from $from to $to (the `dataset` they belong to): those of
// $ids, or all when $ids is null. An import stages its people under a private id, then
// one transaction retires the people they replace and promotes them. Columns: moved.
MATCH (p:Person {dataset: $from})
WHERE $ids IS NULL OR p.id IN $ids
SET p.dataset = $to
RETURN count(*) AS moved
