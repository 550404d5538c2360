"""How many processes a streaming run starts: never more than there is work or cores for."""

from __future__ import annotations


def pool_size(requested: int | None, files: int) -> int:
    """Processes worth starting for ``files`` document files: ``requested`` (default: every core
    this process may use), at most one per document file and one per core, at least one."""
    from .engine import default_jobs

    cores = default_jobs()
    return max(1, min(requested or cores, cores, files))
