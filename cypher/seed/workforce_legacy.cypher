// Seed (workforce): the datasets whose stamp names no live import: written before imports
// had ids, their people wait to be adopted (workforce_adopt). $dataset null: every one.
// Columns: dataset.
MATCH (w:Workforce)
WHERE w.live IS NULL AND ($dataset IS NULL OR w.dataset = $dataset)
RETURN w.dataset AS dataset
