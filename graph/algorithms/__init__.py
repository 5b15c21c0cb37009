"""Career algorithms in networkx style: snapshot first, keyword-only options."""
