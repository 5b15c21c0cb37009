"""Benchmarks: `make bench` (tools/bench/run.py) prints one table; docs/benchmarks.md keeps it."""
