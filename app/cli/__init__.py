"""The `careergraph` command line: one module per command group, wired in main.py."""
