// Seed (workforce): delete person $id of dataset $dataset from every import (the live one,
// one being staged, one being removed) with every relationship they have. Columns: deleted.
MATCH (p:Person {dataset: $dataset, id: $id})
USING INDEX p:Person(dataset, id, import)
WHERE p.import IS NOT NULL
DETACH DELETE p
RETURN count(*) AS deleted
