"""The one driver of validation: shards of document files on N processes, outcomes folded in
corpus order, and sinks that receive each checked document.

Memory stays flat as the corpus grows: each document's models are dropped once it is checked
(unless a sink keeps them), and the corpus-wide rules keep only compact id tables
(:mod:`.corpus`). With ``jobs > 1`` the shards go to a process pool; outcomes are folded in
corpus order, so the report is the same whatever the number of processes.

A :class:`Sink` turns the checked documents of a shard into a payload where the shard was
checked (a worker process, through its :meth:`Sink.mapper`), then takes the payloads in corpus
order in the calling process: keep the models (:func:`communique.load`), write release rows
(``communique build``, which so reads the corpus once), count records (``communique stats``).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import loader
from ..layout import ACTORS_FILE, CORPUS_FILE, is_corpus_dir
from ..models import ActorsFile, CorpusInfo, DocumentFile, Span
from ..report import Report
from .corpus import CorpusRules
from .document import Actors, Checked, DocOutcome, Plan, check_document
from .selection import ALL, Selection
from .structure import parse_model

if TYPE_CHECKING:
    import multiprocessing.context

DEFAULT_SHARD = 64
"""Document files per unit of work."""

Progress = Callable[[int, int, int], None]
"""Called with (document files done, document files in all, records checked so far)."""


class Sink(Protocol):
    """Receives every document file that became a model (see the module docstring)."""

    def start(self, info: CorpusInfo | None, actors: ActorsFile | None) -> None:
        """Called once with the corpus's head files (None when refused), before any document."""

    def mapper(self) -> Callable[[list[Checked]], Any]:
        """The function (picklable: it goes to the worker processes) that turns a shard's checked
        documents into the payload :meth:`take` receives."""

    def take(self, payload: Any) -> None:
        """Take a shard's payload (in corpus order, in the calling process)."""


@dataclass
class Run:
    """What a validation saw, beside its report."""

    report: Report
    documents: int = 0
    records: int = 0
    jobs: int = 1
    info: CorpusInfo | None = None
    actors: ActorsFile | None = None
    """The actors file's model, kept only for a run with sinks (validation alone keeps its ids)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def pool_size(requested: int | None, files: int) -> int:
    """Processes worth starting for ``files`` document files: ``requested`` (default: every core
    this process may use), at most one per document file and one per core, at least one."""
    cores = default_jobs()
    return max(1, min(requested or cores, cores, files))


def actors_info(actors: ActorsFile | None) -> Actors:
    """The actor index and role spans every shard needs."""
    index: dict[str, int] = {}
    roles: dict[str, list[tuple[int, int, Span, str]]] = {}
    for i, actor in enumerate(actors.actors if actors else ()):
        index.setdefault(actor.id, i)
        for j, role in enumerate(actor.roles):
            roles.setdefault(role.document, []).append((i, j, role.span, actor.id))
    return Actors(index, roles)


@dataclass(frozen=True)
class Task:
    """What every shard needs: a pure function of these and the shard's file names."""

    root: Traversable | Path
    actors: Actors
    plan: Plan
    mappers: tuple[Callable[[list[Checked]], Any], ...] = field(default=())


def check_shard(task: Task, rels: list[str]) -> tuple[list[DocOutcome], list[Any]]:
    """Check the document files ``rels``; the outcomes and each sink's payload.

    This is the unit any engine can map over shards (a process pool, Dask, Ray...); fold the
    outcomes, in shard order, into :class:`~.corpus.CorpusRules`.
    """
    outcomes, checked = [], []
    keep = bool(task.mappers)  # without sinks each document's models go as soon as it is checked
    for rel in rels:
        outcome, doc = check_document(task.root, rel, task.actors, task.plan)
        outcomes.append(outcome)
        if keep and doc is not None:
            checked.append(doc)
    return outcomes, [mapper(checked) for mapper in task.mappers]


_WORKER: dict[str, Any] = {}


def _init(fn: Callable[..., Any], task: Any) -> None:
    gc.disable()
    _WORKER["fn"], _WORKER["task"] = fn, task


def _work(shard: Any) -> Any:
    return _WORKER["fn"](_WORKER["task"], shard)


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
    import multiprocessing

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["communique.validation.driver"])
        return ctx
    return multiprocessing.get_context("spawn")


def map_shards(fn: Callable[[Any, Any], Any], task: Any, shards: list[Any], jobs: int) -> Iterator[Any]:
    """``fn(task, shard)`` for every shard, in order, on ``jobs`` processes (in this one when 1)."""
    if jobs <= 1 or len(shards) <= 1:
        for shard in shards:
            yield fn(task, shard)
        return
    DocumentFile.model_rebuild()  # build the validator once, before the workers are forked
    with ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_init, initargs=(fn, task)) as pool:
        yield from pool.map(_work, shards)


def read_head(
    root: Traversable | Path, report: Report, unread: set[str], plan_root: str = "."
) -> tuple[CorpusInfo | None, ActorsFile | None]:
    """Read data/corpus.json and data/actors.json; a refused (or incomplete) file goes into ``unread``."""
    info = actors = None
    data = loader.read_bytes(root, CORPUS_FILE, report)
    if data is not None:
        parsed_info = parse_model(data, CORPUS_FILE, CorpusInfo, report.findings, plan_root)
        info = None if parsed_info is None else parsed_info.model
    data = loader.read_bytes(root, ACTORS_FILE, report)
    if data is not None:
        parsed = parse_model(data, ACTORS_FILE, ActorsFile, report.findings, plan_root)
        if parsed is not None and parsed.complete:
            actors = parsed.model
    unread.update(name for name, model in ((CORPUS_FILE, info), (ACTORS_FILE, actors)) if model is None)
    return info, actors


def run(
    root: Traversable | Path,
    *,
    jobs: int | None = None,
    shard_size: int = DEFAULT_SHARD,
    progress: Progress | None = None,
    verify: bool = True,
    selection: Selection = ALL,
    sinks: tuple[Sink, ...] = (),
    compact: bool = True,
) -> Run:
    """Validate the corpus at ``root``; the report is sorted and holds the selected codes only.

    With ``verify`` the files are also checked against MANIFEST.json (E106). ``compact`` keeps
    mention ids as digests (flat memory on corpora of any size).
    """
    report = Report(str(root))
    result = Run(report, jobs=max(1, jobs or 1))
    if not is_corpus_dir(root):
        report.add(loader.no_corpus())
        return _finish(result, root, verify, selection)
    plan = Plan.of(selection, str(root))
    unread: set[str] = set()
    result.info, result.actors = read_head(root, report, unread, plan.root)
    names = loader.document_names(root, report, unread)
    shards = [names[i : i + shard_size] for i in range(0, len(names), max(1, shard_size))]
    rules = CorpusRules(root, report, result.actors, unread, plan, compact)
    for sink in sinks:
        sink.start(result.info, result.actors)
    task = Task(root, actors_info(result.actors), plan, tuple(sink.mapper() for sink in sinks))
    if not sinks:
        result.actors = None  # the rules and the shards keep what they need (ids, roles): the models go
    result.jobs = pool_size(jobs, len(names)) if isinstance(root, Path) else 1  # (resources: in this process)
    with paused_gc():
        done = 0
        for outcomes, payloads in map_shards(check_shard, task, shards, result.jobs):
            for outcome in outcomes:
                rules.add(outcome)
            for sink, payload in zip(sinks, payloads, strict=True):
                sink.take(payload)
            done += len(outcomes)
            if progress is not None:
                progress(done, len(names), rules.records)
        rules.finish()
    result.documents, result.records = rules.loaded, rules.records
    return _finish(result, root, verify, selection)


def _finish(result: Run, root: Traversable | Path, verify: bool, selection: Selection) -> Run:
    """The run with MANIFEST.json checked (when ``verify``), its report filtered and sorted."""
    if verify and selection.wants("E106"):
        from ..manifest import verify as verify_manifest

        result.report.extend(verify_manifest(root))
    result.report = Report(result.report.root, selection.keep(result.report.findings)).sorted()
    return result
