// Store: the moves one dataset's source states, one row per quote.
// Parameters: $dataset. Columns: source, target, quote, line (0: none), note,
// condition ("": everyone; links stored before conditions existed have none).
MATCH (a:Role {dataset: $dataset})-[l:CAREER_LINK {kind: 'documented'}]->(b:Role)
UNWIND range(0, size(l.quotes) - 1) AS i
RETURN a.code AS source, b.code AS target, l.quotes[i] AS quote, l.lines[i] AS line,
       l.notes[i] AS note, coalesce(l.conditions[i], '') AS condition
ORDER BY a.rank, b.rank, line
