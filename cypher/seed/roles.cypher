// Seed: roles in their family. $rows: [{props: {code, title, ...}, family}].
UNWIND $rows AS row
MATCH (f:Family {number: row.family})
MERGE (r:Role {code: row.props.code})
SET r = row.props
MERGE (r)-[:IN_FAMILY]->(f)
RETURN count(*) AS written
