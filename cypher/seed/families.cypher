// Seed: families. $rows: [{props: {number, name, description}}]. Returns the rows written.
UNWIND $rows AS row
MERGE (f:Family {number: row.props.number})
SET f = row.props
RETURN count(*) AS written
