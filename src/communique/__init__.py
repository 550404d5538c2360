"""Communiqué: annotated events, actors and statements from news documents.

>>> import communique
>>> corpus = communique.load()          # the packaged corpus, checked against its checksums
>>> report = communique.validate("path/to/corpus")
>>> page = communique.render_html("000_bd8b5cfe7c34e604")   # the HTML view of one document

``__version__`` is the package version; ``corpus.version`` (and :func:`dataset_version`)
is the version of the data.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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
from .report import Finding, Report

if TYPE_CHECKING:
    from .html import render_html, write_html
    from .release.hf import to_hf
    from .schema import schema_registry
    from .scoring import ScoreReport, score
    from .validation import validate
    from .validation.single import validate_document
    from .versions import dataset_version

_LAZY = {
    "render_html": ".html",
    "write_html": ".html",
    "to_hf": ".release.hf",
    "schema_registry": ".schema",
    "ScoreReport": ".scoring",
    "score": ".scoring",
    "dataset_version": ".versions",
    "validate": ".validation",
    "validate_document": ".validation.single",
}
"""Entry points imported on first use, so that ``import communique`` stays light."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'communique' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value

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
    "validate_document",
    "write_html",
]
