// Seed: role requirements. $rows: [{role, competence, props: {level, level_max, levels, position}}].
UNWIND $rows AS row
MATCH (r:Role {code: row.role}), (c:Competence {code: row.competence})
MERGE (r)-[q:REQUIRES]->(c)
SET q = row.props
RETURN count(*) AS written
