"""HTTP routers: thin, one resource each; they hold no Cypher and no algorithm."""
