// Store: the moves the source document states, one row per quote.
// Parameters: none. Columns: source, target, quote, line, note.
MATCH (a:Role)-[l:CAREER_LINK {kind: 'documented'}]->(b:Role)
UNWIND range(0, size(l.quotes) - 1) AS i
RETURN a.code AS source, b.code AS target, l.quotes[i] AS quote, l.lines[i] AS line,
       l.notes[i] AS note
ORDER BY toInteger(split(source, '.')[0]), toInteger(split(source, '.')[1]),
         toInteger(split(target, '.')[0]), toInteger(split(target, '.')[1]), line
