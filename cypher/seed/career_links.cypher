// Seed: career links, one per (source, target, kind).
// $dataset; $rows: [{source, target, props: {kind, coverage, level_steps, evidence, condition, ...}}].
UNWIND $rows AS row
MATCH (a:Role {dataset: $dataset, code: row.source}),
      (b:Role {dataset: $dataset, code: row.target})
MERGE (a)-[l:CAREER_LINK {kind: row.props.kind}]->(b)
SET l = row.props
RETURN count(*) AS written
