"""The default dataset: the CIGREF 2011 source, its parser, and the data files it produces."""

from pathlib import Path

# The committed data files of the default dataset (CIGREF 2011 + e-CF 2.0).
DATA_DIR = Path(__file__).resolve().parent / "data"
