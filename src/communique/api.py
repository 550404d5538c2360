"""The public Python entry points: load and validate."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from . import layout, loader, manifest
from .corpus import Corpus
from .errors import CorpusInvalidError, DatasetNotFoundError, IntegrityError
from .layout import resolve_root


def load(path: str | Path | None = None, *, verify: bool = True, revalidate: bool = False) -> Corpus:
    """Load a corpus as typed records; the packaged corpus when ``path`` is None.

    With ``verify`` (the default) every shipped file is first checked against the corpus's
    MANIFEST.json; a difference raises :class:`~communique.errors.IntegrityError` naming each
    file and both hashes. ``verify=False`` skips that check (for a corpus being edited).

    A corpus given by ``path`` is validated in full: structure, references and semantics.
    The packaged corpus, once its files match the checksums shipped with it, is read straight
    into the models: those are the bytes the package's own tests validated, and validating them
    again proves nothing new. ``revalidate=True`` validates it in full all the same (so does
    ``verify=False``).

    Raises :class:`~communique.errors.CorpusInvalidError` (with the full report) when the
    corpus has any error, and :class:`~communique.errors.DatasetNotFoundError` when ``path``
    is not a corpus directory.
    """
    root = resolve_root(path)
    if path is not None and not layout.is_corpus_dir(Path(path)):
        raise DatasetNotFoundError(f"{path} is not a corpus directory: {layout.EXPECTED}")
    if verify:
        differ = manifest.verify(root)
        if differ:
            details = "; ".join(f.message for f in differ[:3])
            more = f" (and {len(differ) - 3} more)" if len(differ) > 3 else ""
            raise IntegrityError(
                f"the corpus differs from its {layout.MANIFEST_FILE}: {details}{more}. "
                "Load it with verify=False (--no-verify on the command line) to read it as it is.",
                differ,
            )
        if path is None and not revalidate and (root / layout.MANIFEST_FILE).is_file():
            return _packaged(root)
    from .validation import run  # not needed for the packaged corpus: imported on use
    from .validation.sinks import Models

    models = Models()
    result = run(root, jobs=1, verify=False, sinks=(models,), compact=False)
    if not result.report.ok or result.info is None or result.actors is None:
        raise CorpusInvalidError(result.report)
    return Corpus(info=result.info, actors=tuple(result.actors.actors), files=tuple(models.files))


def _packaged(root: Traversable | Path) -> Corpus:
    """The packaged corpus, its files already checked against their checksums (see :func:`load`)."""
    import json

    from .construct import construct
    from .models import ActorsFile, CorpusInfo, DocumentFile
    from .report import Report

    report = Report(str(root))

    def read(rel: str) -> bytes:
        data = loader.read_bytes(root, rel, report)
        if data is None:  # the checksums were right a moment ago: the files changed meanwhile
            raise CorpusInvalidError(report.sorted())
        return data

    info = construct(CorpusInfo, json.loads(read(layout.CORPUS_FILE)))
    actors = construct(ActorsFile, json.loads(read(layout.ACTORS_FILE)))
    files = []
    for rel in loader.iter_document_names(root):
        doc = construct(DocumentFile, json.loads(read(rel)))
        doc.document.attach_text(read(layout.seed_file(doc.document.seed)).decode("utf-8"))
        files.append(doc)
    return Corpus(info=info, actors=tuple(actors.actors), files=tuple(files))
