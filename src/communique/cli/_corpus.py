"""The corpus directory argument shared by the subcommands."""

from __future__ import annotations

from pathlib import Path

from ..errors import DatasetNotFoundError
from ..layout import is_corpus_dir, not_a_corpus


def corpus_dir(path: Path | None) -> Path | None:
    """``path`` checked to be a corpus directory (None means the packaged corpus)."""
    if path is None:
        return None
    if not path.is_dir() or not is_corpus_dir(path):
        raise DatasetNotFoundError(not_a_corpus(path))
    return path
