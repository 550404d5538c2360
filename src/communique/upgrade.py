"""Upgrading raw files of older record-format versions to the current one.

:data:`UPGRADES` maps a ``schema_version`` to the function that turns a raw file (the parsed
JSON of ``data/corpus.json``, ``data/actors.json`` or a document file) of that version into the
next one. :func:`upgrade` applies them in turn until the file is at a version this package
reads (any 1.x: minor versions only add optional fields, so they are read as they are).

When a 2.0.0 record format is released, its step is registered here under the last 1.x
version, and the files of 1.x keep loading through :func:`upgrade`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import CommuniqueError
from .models import SCHEMA_VERSION

Raw = dict[str, Any]
Step = Callable[[Raw], Raw]


def _identity(raw: Raw) -> Raw:
    """1.x files are read as they are."""
    return dict(raw)


UPGRADES: dict[str, Step] = {"1.0.0": _identity}
"""Upgrade steps by the schema_version they read. A step returns a new dict (never edits its input)."""


class UpgradeError(CommuniqueError):
    """A file's schema_version has no upgrade path to the current record format."""


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def upgrade(raw: Raw) -> Raw:
    """Return ``raw`` brought to the current record format (:data:`SCHEMA_VERSION`).

    A file whose ``schema_version`` is registered in :data:`UPGRADES` is passed through its
    steps until its major version is the current one; any other 1.x version is read as it is.
    The input dict is never modified. Raises :class:`UpgradeError` for an unknown version.
    """
    version = raw.get("schema_version")
    if not isinstance(version, str):
        raise UpgradeError("the file has no string 'schema_version'; expected e.g. '1.0.0'")
    current = dict(raw)
    seen: set[str] = set()
    while True:
        step = UPGRADES.get(version)
        if step is None:
            if _major(version) == _major(SCHEMA_VERSION):
                return current
            raise UpgradeError(
                f"schema_version {version!r} has no upgrade path to {SCHEMA_VERSION}; "
                f"known versions: {', '.join(sorted(UPGRADES))}"
            )
        if version in seen:
            raise UpgradeError(f"the upgrade steps loop at schema_version {version!r}")
        seen.add(version)
        current = step(current)
        new_version = current.get("schema_version")
        if not isinstance(new_version, str):
            raise UpgradeError(f"the upgrade step for {version!r} dropped 'schema_version'")
        if new_version == version:
            return current
        version = new_version
