"""How many moves a path may take when the request does not say (graph.algorithms.paths).

Apart from the search so that the CLI's help and the API's description can quote the
rule without loading it (numpy, scipy, networkx: issue 24, the CLI's start-up).
"""

# Without a given max_steps: paths of up to the fewest moves + DEFAULT_SLACK, and no
# more than DEFAULT_MAX_STEPS moves unless the shortest path itself needs more.
DEFAULT_SLACK = 2
DEFAULT_MAX_STEPS = 8
DEFAULT_RULE = (
    f"the fewest moves + {DEFAULT_SLACK}, at most {DEFAULT_MAX_STEPS} "
    "unless the shortest path needs more"
)
