// role_search: roles whose title, alternative titles or mission match $text.
//
// Purpose: find a role without knowing its code. Titles and missions are searched full-text
//   (Lucene syntax: "secur*", "data~"); alternative titles by case-insensitive substring
//   (score 0 when only they match).
// Parameters: $text words, e.g. "security".
// Example: {"text": "security"}
// Columns: code, title, score
CALL () {
  CALL db.index.fulltext.queryNodes('role_text', $text) YIELD node, score
  RETURN node, score
  UNION
  MATCH (node:Role)
  WHERE any(t IN node.alt_titles WHERE toLower(t) CONTAINS toLower($text))
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
RETURN node.code AS code, node.title AS title, round(score, 3) AS score
ORDER BY score DESC, toInteger(split(code, '.')[0]), toInteger(split(code, '.')[1])
