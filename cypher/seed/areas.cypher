// Seed: e-CF areas. $rows: [{props: {code, name}}]. Returns the rows written.
UNWIND $rows AS row
MERGE (a:Area {code: row.props.code})
SET a = row.props
RETURN count(*) AS written
