"""The careergraph service: FastAPI app, settings, routers and the CLI."""
