"""The public Python entry points: load and validate."""

from __future__ import annotations

from pathlib import Path

from . import loader, manifest
from .corpus import Corpus
from .errors import CorpusInvalidError, DatasetNotFoundError, IntegrityError
from .validate import check, resolve_root


def load(path: str | Path | None = None, *, verify: bool = True) -> Corpus:
    """Load and validate a corpus; the packaged corpus when ``path`` is None.

    With ``verify`` (the default) every shipped file is first checked against the corpus's
    MANIFEST.json; a difference raises :class:`~communique.errors.IntegrityError` naming each
    file and both hashes. ``verify=False`` skips that check (for a corpus being edited).
    Raises :class:`~communique.errors.CorpusInvalidError` (with the full report) when the
    corpus has any error, and :class:`~communique.errors.DatasetNotFoundError` when ``path``
    is not a corpus directory.
    """
    root = resolve_root(path)
    if path is not None and not (Path(path) / "data").is_dir():
        raise DatasetNotFoundError(f"{path} is not a corpus directory: expected data/ and seeds/ inside it")
    if verify:
        differ = manifest.verify(root)
        if differ:
            details = "; ".join(f.message for f in differ[:3])
            more = f" (and {len(differ) - 3} more)" if len(differ) > 3 else ""
            raise IntegrityError(
                f"the corpus differs from its {manifest.MANIFEST_FILE}: {details}{more}. "
                "Pass verify=False to load it anyway.",
                differ,
            )
    reading = loader.read(root)
    check(reading)
    report = reading.report.sorted()
    if not report.ok or reading.info is None or reading.actors is None:
        raise CorpusInvalidError(report)
    files = []
    for _, doc in reading.documents:
        doc.document.attach_text(reading.texts[doc.document.seed])
        files.append(doc)
    return Corpus(info=reading.info, actors=tuple(reading.actors.actors), files=tuple(files))
