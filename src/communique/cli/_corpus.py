"""The corpus directory argument shared by the subcommands."""

from __future__ import annotations

from pathlib import Path

from ..errors import DatasetNotFoundError


def corpus_dir(path: Path | None) -> Path | None:
    """``path`` checked to be a corpus directory (None means the packaged corpus)."""
    if path is None:
        return None
    if not path.exists():
        raise DatasetNotFoundError(f"{path} does not exist; expected a corpus directory with data/ and seeds/")
    if not path.is_dir():
        raise DatasetNotFoundError(f"{path} is not a directory; expected a corpus directory with data/ and seeds/")
    if not (path / "data").is_dir():
        raise DatasetNotFoundError(
            f"{path} has no data/ folder; expected a corpus directory laid out like the repository (data/, seeds/)"
        )
    return path
