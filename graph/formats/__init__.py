"""Import and export formats of a dataset, beside the JSON directory (graph/datafiles.py).

- `catalogue_csv`: the CSV files an HR department can fill in a spreadsheet.
- `matrix`: a roles x competences matrix of numeric ratings, quantised into levels.
- `bundles`: where the bytes come from (a directory, a zip, one file) and zips for export.
- `importing`: one entry point for every format, used by the CLI and the API.

Every reader validates the whole input before returning, and its errors are one line
naming file, line and column (`graph.errors.DatasetError`): nothing half-read is loaded.
"""
