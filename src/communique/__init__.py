"""Communiqué: annotated events, actors and statements from news documents.

>>> import communique
>>> corpus = communique.load()          # the packaged corpus, validated
>>> report = communique.validate("path/to/corpus")
>>> page = communique.render_html("000_bd8b5cfe7c34e604")   # the HTML view of one document

``__version__`` is the package version; ``corpus.version`` (and :func:`dataset_version`)
is the version of the data.
"""

from __future__ import annotations

from ._version import __version__
from .api import load
from .corpus import Corpus
from .errors import (
    CommuniqueError,
    CorpusInvalidError,
    DatasetNotFoundError,
    IntegrityError,
    ScoringError,
    SpanResolutionError,
    UnsafePathError,
)
from .html import render_html, write_html
from .release.hf import to_hf
from .report import Finding, Report
from .schema import schema_registry
from .scoring import ScoreReport, score
from .validate import validate
from .versions import dataset_version

__all__ = [
    "CommuniqueError",
    "Corpus",
    "CorpusInvalidError",
    "DatasetNotFoundError",
    "Finding",
    "IntegrityError",
    "Report",
    "ScoreReport",
    "ScoringError",
    "SpanResolutionError",
    "UnsafePathError",
    "__version__",
    "dataset_version",
    "load",
    "render_html",
    "schema_registry",
    "score",
    "to_hf",
    "validate",
    "write_html",
]
