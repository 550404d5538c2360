"""Where the shipped corpus, seeds and schemas live.

In an installed wheel they are package resources under ``communique/_bundle``: a plain folder
when the package is on the file system, else read through :mod:`importlib.resources`. In a
source checkout (editable install) the same folders are the repository's own ``data/``,
``seeds/`` and ``schema/``.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path


def bundle_root() -> Traversable | Path:
    """The folder holding ``data/``, ``seeds/`` and ``schema/`` for the packaged corpus."""
    here = Path(__file__).resolve().parent
    if (here / "_bundle").is_dir():  # an installed wheel on the file system: a plain folder
        return here / "_bundle"
    checkout = here.parents[1]
    from .layout import is_corpus_dir  # here, not above: layout reads bundle_root from this module

    if (checkout / "pyproject.toml").is_file() and is_corpus_dir(checkout):
        return checkout
    from importlib import resources  # a package imported from elsewhere (a zip file, say)

    bundled = resources.files("communique") / "_bundle"
    return bundled if bundled.is_dir() else checkout


def packaged_schema_dir() -> Traversable | Path:
    """The folder holding the committed JSON Schemas."""
    return bundle_root() / "schema"
