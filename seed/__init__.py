"""The dataset: parse the CIGREF 2011 source into validated models, write, read and check it."""
