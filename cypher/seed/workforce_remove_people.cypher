// Seed (workforce): delete people of dataset $dataset with every relationship they have:
// those of $ids, or every one when $ids is null. Columns: deleted.
MATCH (p:Person {dataset: $dataset})
WHERE $ids IS NULL OR p.id IN $ids
DETACH DELETE p
RETURN count(*) AS deleted
