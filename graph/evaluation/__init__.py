"""The evaluation harness: recommendations scored against expert truth (docs/recommendations.md)."""
