"""Validation in three layers: structure, references, semantics.

Every problem is reported at once, each as a :class:`~communique.report.Finding` with a
stable code (:mod:`communique.codes`), the file, the record id and a JSON path.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from . import loader, manifest
from ._resources import bundle_root
from .report import Report


def resolve_root(path: str | Path | None) -> Traversable | Path:
    """The corpus directory: ``path`` when given, else the packaged corpus."""
    return bundle_root() if path is None else Path(path)


def check(reading: loader.Reading) -> None:
    """Run the reference and semantic layers over what the structural layer read."""
    from .checks import run_checks

    run_checks(reading)


def validate(path: str | Path | None = None, *, verify: bool = True, jobs: int = 1) -> Report:
    """Validate the corpus directory at ``path`` (default: the packaged corpus).

    Document files are read and checked one at a time (memory stays flat as the corpus grows)
    on ``jobs`` processes; the report is the same as :func:`validate_full` gives. With ``verify``
    (the default) the files are also checked against MANIFEST.json (E106).
    """
    from .stream import run

    return run(resolve_root(path), jobs=jobs, verify=verify).report


def validate_full(path: str | Path | None = None, *, verify: bool = True) -> Report:
    """Validate by reading the whole corpus into memory first (the reference for :func:`validate`)."""
    root = resolve_root(path)
    reading = loader.read(root)
    check(reading)
    if verify:
        reading.report.extend(manifest.verify(root))
    return reading.report.sorted()
