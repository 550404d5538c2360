"""The layout of a corpus directory: the one home of its paths and of the question "is this a corpus?".

A corpus directory holds::

    data/corpus.json              CorpusInfo
    data/actors.json              ActorsFile
    data/documents/<doc id>.json  DocumentFile, one per document
    seeds/<seed file>             the source texts the spans point into (UTF-8)
    MANIFEST.json                 the checksums of the files above (a shipped corpus)

Every command names these paths through this module.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from ._resources import bundle_root

DATA_DIR = "data"
CORPUS_FILE = f"{DATA_DIR}/corpus.json"
ACTORS_FILE = f"{DATA_DIR}/actors.json"
DOCUMENTS_DIR = f"{DATA_DIR}/documents"
SEEDS_DIR = "seeds"
MANIFEST_FILE = "MANIFEST.json"

EXPECTED = "expected a corpus directory laid out like the repository (data/, seeds/)"
"""What a corpus directory is, in the words every message uses."""


def resolve_root(path: str | Path | None) -> Traversable | Path:
    """The corpus directory: ``path`` when given, else the packaged corpus."""
    return bundle_root() if path is None else Path(path)


def find_corpus(start: Path) -> Path | None:
    """The corpus that contains ``start``: the nearest of ``start`` and its parents holding a
    data/corpus.json (as git finds the repository of a folder); None outside any corpus."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / CORPUS_FILE).is_file():
            return folder
    return None


def discover(path: str | Path | None, cwd: Path | None = None) -> Path | None:
    """The corpus a command acts on: ``path`` when given, else the corpus containing ``cwd``
    (default: the current folder), else None, the packaged corpus."""
    if path is not None:
        return Path(path)
    return find_corpus(Path.cwd() if cwd is None else cwd)


def child(root: Traversable | Path, rel: str) -> Traversable | Path:
    """``root / rel`` for a relative path with '/' separators (works for packaged resources too)."""
    node: Traversable | Path = root
    for part in rel.split("/"):
        node = node / part
    return node


def document_file(doc_id: str) -> str:
    """The relative path of the file of document ``doc_id``."""
    return f"{DOCUMENTS_DIR}/{doc_id}.json"


def seed_file(seed: str) -> str:
    """The relative path of the seed file ``seed``."""
    return f"{SEEDS_DIR}/{seed}"


def document_stem(rel: str) -> str:
    """The document id a document file's name gives (``data/documents/x.json`` -> ``x``)."""
    return rel.rsplit("/", 1)[-1][: -len(".json")]


def is_corpus_dir(root: Traversable | Path) -> bool:
    """Whether ``root`` has the data/ folder of a corpus directory."""
    return child(root, DATA_DIR).is_dir()


def not_a_corpus(path: object) -> str:
    """Why ``path`` is not a corpus directory, as every command says it."""
    if isinstance(path, Path) and not path.exists():
        return f"{path} does not exist; {EXPECTED}"
    if isinstance(path, Path) and not path.is_dir():
        return f"{path} is not a directory; {EXPECTED}"
    return f"{path} has no data/ folder; {EXPECTED}"
