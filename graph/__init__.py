"""The career-graph domain: models, stores, snapshot and algorithms. Never imports FastAPI."""
