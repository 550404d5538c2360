"""Where the shipped corpus, seeds and schemas live.

In an installed wheel they are package resources under ``communique/_bundle`` and are read
through :mod:`importlib.resources`. In a source checkout (editable install) the same folders
are the repository's own ``data/``, ``seeds/`` and ``schema/``.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def bundle_root() -> Traversable | Path:
    """The folder holding ``data/``, ``seeds/`` and ``schema/`` for the packaged corpus."""
    bundled = resources.files("communique") / "_bundle"
    if bundled.is_dir():
        return bundled
    checkout = Path(__file__).resolve().parents[2]
    return checkout


def packaged_schema_dir() -> Traversable | Path:
    """The folder holding the committed JSON Schemas."""
    return bundle_root() / "schema"
