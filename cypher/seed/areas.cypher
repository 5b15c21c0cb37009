// Seed: one dataset's competence areas. $dataset; $rows: [{props: {code, name, rank}}].
UNWIND $rows AS row
MERGE (a:Area {dataset: $dataset, code: row.props.code})
SET a = row.props, a.dataset = $dataset
RETURN count(*) AS written
