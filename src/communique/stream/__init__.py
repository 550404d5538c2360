"""Streaming validation of large corpora: document files checked shard by shard, on every core.

:func:`run` validates a corpus directory with flat memory and ``jobs`` processes;
:func:`validate_shard` is the per-shard function any engine can map, and :class:`Merger`
gathers its outcomes into the corpus-wide checks. The report equals the one
:func:`communique.validate` gives.
"""

from __future__ import annotations

from .document import Actors, DocOutcome, check_document
from .engine import (
    DEFAULT_SHARD,
    Progress,
    Run,
    actors_info,
    default_jobs,
    document_names,
    read_head,
    run,
    validate_shard,
)
from .merge import Merger

__all__ = [
    "DEFAULT_SHARD",
    "Actors",
    "DocOutcome",
    "Merger",
    "Progress",
    "Run",
    "actors_info",
    "check_document",
    "default_jobs",
    "document_names",
    "read_head",
    "run",
    "validate_shard",
]
