"""The package version (the code). The dataset version lives in ``data/corpus.json``."""

__version__ = "0.1.0"
