"""Workforce analytics: people, their holdings, and what the catalogue says about them
(docs/design.md, "Workforce")."""
