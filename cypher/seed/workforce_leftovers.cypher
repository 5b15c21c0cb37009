// Seed (workforce): the datasets whose imports left staged or retired people behind
// ('<dataset>~...': a writer died before cleaning up). Columns: dataset.
MATCH (p:Person)
WHERE p.dataset CONTAINS '~'
RETURN DISTINCT split(p.dataset, '~')[0] AS dataset
