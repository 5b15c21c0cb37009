// Seed: role requirements.
// $dataset; $rows: [{role, competence, props: {level, level_max, levels, combine, position}}].
// combine: 'and' | 'or', how the sheet joins the levels (graph.models.Requirement).
UNWIND $rows AS row
MATCH (r:Role {dataset: $dataset, code: row.role}),
      (c:Competence {dataset: $dataset, code: row.competence})
MERGE (r)-[q:REQUIRES]->(c)
SET q = row.props
RETURN count(*) AS written
