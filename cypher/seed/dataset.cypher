// Seed: stamp the dataset. $rows: [{name, version, source}]; loaded_at is the server's clock.
UNWIND $rows AS row
MERGE (d:Dataset {name: row.name})
SET d.version = row.version, d.source = row.source, d.loaded_at = datetime()
RETURN count(*) AS written
