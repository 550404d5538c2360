"""Versions: the package's (the code) and the dataset's (the data).

The package version lives in ``_version.py`` only; the dataset version lives in
``data/corpus.json`` (``version``) only. The record-format version is
:data:`communique.models.SCHEMA_VERSION`; its major number is in every schema ``$id``.
"""

from __future__ import annotations

from . import jsonio, reads
from ._resources import bundle_root
from .errors import DatasetNotFoundError
from .layout import CORPUS_FILE, child


def dataset_version() -> str:
    """The version of the packaged corpus, read from its ``data/corpus.json``."""
    node = child(bundle_root(), CORPUS_FILE)
    try:
        raw = jsonio.loads(reads.read_node(node, CORPUS_FILE))
    except (reads.ReadRefused, jsonio.JsonReadError) as exc:
        raise DatasetNotFoundError(f"cannot read the packaged {CORPUS_FILE}: {exc}") from None
    version = raw.get("version") if isinstance(raw, dict) else None
    if not isinstance(version, str):
        raise DatasetNotFoundError(f"the packaged {CORPUS_FILE} has no string 'version'")
    return version
