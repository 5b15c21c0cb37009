// role_search: roles whose title, alternative titles or code match words, best match first.
//
// Purpose: find a role without knowing its code, with the answer of GET /api/v1/roles?q=.
//   Text is folded as graph/search.py folds it: case, accents (Unicode NFD marks) and runs
//   of white space. rank 0: every word is in the title; 1: every word is in the title, an
//   alternative title or the code; 2: as word stems only (a word of 6 letters or more
//   whose first 6 begin a word of a name: 'developer' finds 'Development Analyst'). Roles
//   matching none of these have no row; null or blank text matches every role at rank 0.
//   Letters NFD does not split ('æ', 'ß', other scripts) stay as they are, where
//   graph/search.py transliterates them.
// Parameters: $text words, e.g. "security".
// Example: {"text": "security"}
// Columns: code, title, rank
// Twin: graph.search.match_rank — the word matches of GET /api/v1/roles?q= in the roles' order;
//   the service also finds exact names, acronyms (CIO) and typos and orders by closeness
MATCH (r:Role {dataset: $dataset})
WITH r, [s IN [coalesce($text, ''), r.title] + r.alt_titles + [r.code] |
         reduce(folded = '', c IN split(normalize(toLower(s), NFD), '') | folded +
           CASE
             WHEN '\u0300' <= c <= '\u036f' THEN ''
             WHEN c IN [' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u00a0', '\u1680', '\u2028',
                        '\u2029', '\u202f', '\u205f', '\u3000']
               OR '\u001c' <= c <= '\u001f' OR '\u2000' <= c <= '\u200a' THEN ' '
             ELSE c
           END)] AS folded
WITH r, [w IN split(folded[0], ' ') WHERE w <> ''] AS words, folded[1] AS title,
     reduce(joined = folded[1], name IN folded[2..] | joined + ' | ' + name) AS names
WITH r, words, title, names, [t IN split(names, ' ') WHERE t <> ''] AS tokens
WITH r, CASE
         WHEN all(w IN words WHERE title CONTAINS w) THEN 0
         WHEN all(w IN words WHERE names CONTAINS w) THEN 1
         WHEN all(w IN words WHERE names CONTAINS w
                  OR (size(w) >= 6 AND any(t IN tokens WHERE t STARTS WITH left(w, 6)))) THEN 2
       END AS rank
WHERE rank IS NOT NULL
RETURN r.code AS code, r.title AS title, rank
ORDER BY rank, r.rank
