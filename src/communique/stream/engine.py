"""Streaming validation: document files checked shard by shard, on one or many processes.

Memory stays flat as the corpus grows: each document's models are dropped once it is checked,
and the corpus-wide checks keep only compact id tables (:mod:`.merge`). With ``jobs > 1`` the
shards go to a process pool; outcomes are merged in corpus order, so the report is the same
whatever the number of processes.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from .. import loader
from ..models import ActorsFile, CorpusInfo, DocumentFile, Span
from ..report import Finding, Report
from .document import Actors, DocOutcome, check_document
from .merge import Merger
from .pool import pool_size

DEFAULT_SHARD = 64
"""Document files per unit of work."""

Progress = Callable[[int, int, int], None]
"""Called with (document files done, document files in all, records checked so far)."""


@dataclass
class Run:
    """What a streaming validation saw, beside its report."""

    report: Report
    documents: int = 0
    records: int = 0
    jobs: int = 1


def default_jobs() -> int:
    """The number of cores this process may use."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def actors_info(actors: ActorsFile | None) -> Actors:
    """The actor index and role spans every shard needs."""
    index: dict[str, int] = {}
    roles: dict[str, list[tuple[int, int, Span, str]]] = {}
    for i, actor in enumerate(actors.actors if actors else ()):
        index.setdefault(actor.id, i)
        for j, role in enumerate(actor.roles):
            roles.setdefault(role.document, []).append((i, j, role.span, actor.id))
    return Actors(index, roles)


def validate_shard(root: Traversable | Path, rels: list[str], actors: Actors) -> list[DocOutcome]:
    """Check the document files ``rels`` of the corpus at ``root``; a pure function of its arguments.

    This is the unit any engine can map over shards (a process pool, Dask, Ray...); feed the
    outcomes, in shard order, to :class:`communique.stream.merge.Merger` for the corpus-wide checks.
    """
    return [check_document(root, rel, actors) for rel in rels]


_WORKER: dict[str, object] = {}


def _init(root: Traversable | Path, actors: Actors) -> None:
    gc.disable()
    _WORKER["root"], _WORKER["actors"] = root, actors


def _work(rels: list[str]) -> list[DocOutcome]:
    root = _WORKER["root"]
    actors = _WORKER["actors"]
    assert isinstance(actors, Actors)
    return validate_shard(root, rels, actors)  # type: ignore[arg-type]  # set by _init from a typed caller


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while records stream (they hold no cycles; reference
    counting frees each document's models), restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mp_context() -> multiprocessing.context.BaseContext:
    """fork when it is safe (Linux, no other thread: starts in milliseconds), else forkserver
    with the package preloaded, else spawn."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["communique.stream.engine"])
        return ctx
    return multiprocessing.get_context("spawn")


def _outcomes(root: Traversable | Path, shards: list[list[str]], actors: Actors, jobs: int) -> Iterator[DocOutcome]:
    if jobs <= 1 or len(shards) <= 1:
        for shard in shards:
            yield from validate_shard(root, shard, actors)
        return
    DocumentFile.model_rebuild()  # build the validator once, before the workers are forked
    with ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_init, initargs=(root, actors)) as pool:
        for result in pool.map(_work, shards):
            yield from result


def read_head(
    root: Traversable | Path, report: Report, unread: set[str] | None = None
) -> tuple[CorpusInfo | None, ActorsFile | None]:
    """Read data/corpus.json and data/actors.json (strict path); a refused file goes into ``unread``."""
    info = actors = None
    data = loader.read_bytes(root, loader.CORPUS_FILE, report)
    if data is not None:
        info = loader.parse_model(data, loader.CORPUS_FILE, CorpusInfo, report)[1]
    data = loader.read_bytes(root, loader.ACTORS_FILE, report)
    if data is not None:
        actors = loader.parse_model(data, loader.ACTORS_FILE, ActorsFile, report)[1]
    if unread is not None:
        unread.update(name for name, model in ((loader.CORPUS_FILE, info), (loader.ACTORS_FILE, actors)) if not model)
    return info, actors


def document_names(root: Traversable | Path, report: Report, unread: set[str]) -> list[str]:
    """The document files, as the loader lists them (findings for an unlistable folder or odd
    names; E100 when there is none and nothing else was said about the folder)."""
    names = list(loader.iter_document_names(root, report, unread))
    if not names:
        unread.add(loader.DOCUMENTS_DIR)
        if not any(f.file.startswith(loader.DOCUMENTS_DIR) for f in report.findings):
            report.add(Finding(loader.DOCUMENTS_DIR, "$", "E100", "no document files in data/documents/"))
    return names


def run(
    root: Traversable | Path,
    *,
    jobs: int | None = None,
    shard_size: int = DEFAULT_SHARD,
    progress: Progress | None = None,
    verify: bool = True,
) -> Run:
    """Validate the corpus at ``root`` streaming; the report is sorted like :func:`communique.validate_full`'s.

    With ``verify`` the files are also checked against MANIFEST.json (E106), as the full read does.
    """
    report = Report(str(root))
    result = Run(report, jobs=jobs or default_jobs())
    if not (root / "data").is_dir():
        report.add(
            Finding("data", "$", "E100",
                    "no data/ folder: expected a corpus directory laid out like the repository (data/, seeds/)")
        )
        return _verified(result, root, verify)
    unread: set[str] = set()
    _, actors = read_head(root, report, unread)
    names = document_names(root, report, unread)
    result.jobs = pool_size(result.jobs, len(names))
    shards = [names[i : i + shard_size] for i in range(0, len(names), max(1, shard_size))]
    info = actors_info(actors)
    merger = Merger(root, report, actors, unread)
    actors = None  # the merger and the shards keep what they need; the models go
    if not isinstance(root, Path):
        result.jobs = 1  # resources outside the file system are read in this process
    with paused_gc():
        for done, outcome in enumerate(_outcomes(root, shards, info, result.jobs), 1):
            merger.add(outcome)
            if progress is not None:
                progress(done, len(names), merger.records)
        merger.finish()
    result.documents, result.records = merger.loaded, merger.records
    return _verified(result, root, verify)


def _verified(result: Run, root: Traversable | Path, verify: bool) -> Run:
    """The run with MANIFEST.json checked (when ``verify``) and its report sorted."""
    if verify:
        from ..manifest import verify as verify_manifest

        result.report.extend(verify_manifest(root))
    result.report = result.report.sorted()
    return result
