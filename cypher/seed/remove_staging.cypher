// Seed: delete a staging $staging (graph/neo4j/seeding.py) that was not adopted, in
// transactions of 1,000 nodes and their relationships, so any size fits the server's
// transaction memory. Run as an auto-commit query, outside a transaction.
UNWIND ['Family', 'Area', 'Competence', 'ProficiencyLevel', 'Knowledge', 'Skill', 'Role'] AS label
MATCH (n:$(label) {dataset: $staging})
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 1000 ROWS
