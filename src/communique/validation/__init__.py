"""Validation in three layers, by one engine: structure, references, semantics.

Every problem is reported at once, each as a :class:`~communique.report.Finding` with a stable
code (:mod:`communique.codes`), the file, the record id and a JSON path. The engine:

- :mod:`.structure`: a data file against its models, record by record;
- :mod:`.document`: one document file's own rules (:mod:`.spans`, :mod:`.times`, :mod:`.values`,
  :mod:`.seeds`, :mod:`.coverage`, in one walk, :mod:`.visit`);
- :mod:`.corpus`: the corpus-wide rules (:mod:`.ids`, :mod:`.references`, :mod:`.cycles`) over an
  id index (:mod:`.index`);
- :mod:`.driver`: shards on N processes, outcomes in corpus order, sinks for the checked documents.

``communique validate``, :func:`communique.load`, ``communique build``, ``score`` and ``stats`` all
run :func:`run`.
"""

from __future__ import annotations

from pathlib import Path

from ..layout import resolve_root
from ..report import Report
from .driver import DEFAULT_SHARD, Progress, Run, Sink, default_jobs, run
from .selection import Selection, parse_codes


def validate(
    path: str | Path | None = None,
    *,
    verify: bool = True,
    jobs: int = 1,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
) -> Report:
    """Validate the corpus directory at ``path`` (default: the packaged corpus).

    Document files are read and checked one at a time (memory stays flat as the corpus grows)
    on ``jobs`` processes. With ``verify`` (the default) the files are also checked against
    MANIFEST.json (E106). ``select`` and ``ignore`` (codes or prefixes such as ``"E3"``) choose the
    rules before they run.
    """
    return run(resolve_root(path), jobs=jobs, verify=verify, selection=Selection(select, ignore)).report


__all__ = [
    "DEFAULT_SHARD",
    "Progress",
    "Run",
    "Selection",
    "Sink",
    "default_jobs",
    "parse_codes",
    "resolve_root",
    "run",
    "validate",
]
