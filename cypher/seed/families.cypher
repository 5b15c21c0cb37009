// Seed: one dataset's families (groups of roles).
// $dataset: the dataset id; $rows: [{props: {code, name, description, rank}}].
UNWIND $rows AS row
MERGE (f:Family {dataset: $dataset, code: row.props.code})
SET f = row.props, f.dataset = $dataset
RETURN count(*) AS written
