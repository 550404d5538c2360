"""Streaming export of a validated corpus to sharded Parquet and JSON Lines (extra ``hf``: pyarrow).

Each config (``documents``, ``mentions``, ``events``, ``statements``) becomes
``<config>/test-00000-of-00003.parquet``... with ``shard_rows`` rows per file (the last one
shorter; one file when ``shard_rows`` is None), the layout ``datasets.load_dataset`` reads,
streaming or not, and optionally ``<jsonl_dir>/<config>.jsonl``. Rows are the records'
``model_dump(mode="json")`` in corpus order (document files in name order, records in file
order), typed by the release's features.

Worker processes turn shards of document files into Arrow tables and JSON Lines; the parent
writes them in corpus order as row groups of a fixed number of rows, so the bytes written do not
depend on the number of processes. Memory holds at most one row group per config, whatever the
size of the corpus.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from .. import loader, writes
from ..errors import CommuniqueError, CorpusInvalidError
from ..models import DocumentFile
from ..report import Report
from .engine import DEFAULT_SHARD, Progress, _mp_context, paused_gc
from .pool import pool_size

RECORD_CONFIGS = ("mentions", "events", "statements")
CONFIGS = ("documents", *RECORD_CONFIGS)
DEFAULT_SHARD_ROWS = 100_000
SPLIT = "test"
ROW_GROUP_ROWS = {"documents": 100}
"""Rows per Parquet row group for configs whose rows are large (a document row carries its text and
every annotation); other configs use :data:`DEFAULT_ROW_GROUP_ROWS`."""
DEFAULT_ROW_GROUP_ROWS = 10_000


def arrow_schemas() -> dict[str, Any]:
    """The pyarrow schema of each exported config (from the release's features)."""
    from ..release.features import features
    from ..release.views import config

    return {name: features(config(name).tree()).arrow_schema for name in CONFIGS}


def jsonl_lines(rows: list[dict[str, Any]]) -> str:
    """Rows as JSON Lines: compact, UTF-8 as is, one row per line."""
    return "".join(json.dumps(r, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n" for r in rows)


def _read(root: Traversable | Path, rel: str) -> DocumentFile:
    report = Report(str(root))
    data = loader.read_bytes(root, rel, report)
    if data is None:
        raise CorpusInvalidError(report)
    try:
        return DocumentFile.model_validate_json(data, strict=True)
    except ValidationError:
        raise CommuniqueError(f"{rel} is not a valid document file: validate the corpus before exporting") from None


@dataclass
class Chunk:
    """The rows of a run of document files: an Arrow table and, when asked, JSON Lines per config,
    and (language, annotation status) of each document."""

    tables: dict[str, Any]
    jsonl: dict[str, str]
    documents: list[tuple[str, str]]
    records: int


def shard_tables(
    root: Traversable | Path, rels: list[str], configs: tuple[str, ...], jsonl: bool = False
) -> Chunk:
    """The rows of the document files ``rels``: a pure function of its arguments (any engine can map it)."""
    import pyarrow as pa

    from ..release.views import document_row

    schemas = arrow_schemas()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    documents: list[tuple[str, str]] = []
    records = 0
    for rel in rels:
        doc = _read(root, rel)
        documents.append((doc.document.language, doc.status))
        records += 1 + sum(len(getattr(doc, name)) for name in RECORD_CONFIGS)
        dumped = doc.model_dump(mode="json", include=set(RECORD_CONFIGS) & set(configs))
        for name in RECORD_CONFIGS:
            if name in rows:
                rows[name].extend(dumped[name])
        if "documents" in rows:
            seed = loader.read_bytes(root, f"{loader.SEEDS_DIR}/{doc.document.seed}", Report(""))
            doc.document.attach_text(seed.decode("utf-8") if seed is not None else "")
            rows["documents"].append(document_row(doc))
    tables = {name: pa.Table.from_pylist(rows[name], schema=schemas[name]) for name in configs}
    lines = {name: jsonl_lines(rows[name]) for name in configs} if jsonl else {}
    return Chunk(tables, lines, documents, records)


_WORKER: dict[str, Any] = {}


def _init(root: Traversable | Path, configs: tuple[str, ...], jsonl: bool) -> None:
    _WORKER["root"], _WORKER["configs"], _WORKER["jsonl"] = root, configs, jsonl


def _work(rels: list[str]) -> Chunk:
    return shard_tables(_WORKER["root"], rels, _WORKER["configs"], _WORKER["jsonl"])


def _chunks(
    root: Traversable | Path, shards: list[list[str]], configs: tuple[str, ...], jsonl: bool, jobs: int
) -> Iterator[Chunk]:
    if jobs <= 1 or len(shards) <= 1 or not isinstance(root, Path):
        for shard in shards:
            yield shard_tables(root, shard, configs, jsonl)
        return
    DocumentFile.model_rebuild()  # build the validator once, before the workers are forked
    context = _mp_context()
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init, initargs=(root, configs, jsonl)) as pool:
        yield from pool.map(_work, shards)


class ParquetShards:
    """Writes a stream of Arrow tables as Parquet files of ``shard_rows`` rows each (one file when
    None), in row groups of ``group_rows`` rows; at most one row group is held in memory.

    Files are written under temporary names and named ``test-00000-of-0000N.parquet`` by
    :meth:`close`, once their number is known.
    """

    def __init__(self, folder: Path, schema: Any, shard_rows: int | None, group_rows: int) -> None:
        if (shard_rows is not None and shard_rows < 1) or group_rows < 1:
            raise ValueError("shard_rows and group_rows must be at least 1")
        self.folder, self.schema, self.shard_rows, self.group_rows = folder, schema, shard_rows, group_rows
        self.pending: list[Any] = []
        self.size = 0
        self.in_shard = 0
        self.writer: Any = None
        self.written: list[Path] = []
        self.rows = 0
        self.nbytes = 0

    def _room(self) -> int:
        """Rows the next row group takes: a full group, or what is left of the current shard."""
        if self.shard_rows is None:
            return self.group_rows
        return min(self.group_rows, self.shard_rows - self.in_shard)

    def add(self, table: Any) -> None:
        if table.num_rows:
            self.pending.append(table)
            self.size += table.num_rows
        while self.size and self.size >= self._room():
            self._write(self._room())

    def _open(self) -> Any:
        import pyarrow.parquet as pq

        writes.make_folder(self.folder)
        path = self.folder / f".shard-{len(self.written):05d}.parquet"
        self.written.append(path)
        return pq.ParquetWriter(writes.claim(path), self.schema)

    def _write(self, count: int) -> None:
        import pyarrow as pa

        table = pa.concat_tables(self.pending)
        head, rest = table.slice(0, count).combine_chunks(), table.slice(count)
        if self.writer is None:
            self.writer = self._open()
        self.writer.write_table(head, row_group_size=count)
        self.rows += count
        self.nbytes += head.nbytes
        self.in_shard += count
        self.pending = [rest] if rest.num_rows else []
        self.size = rest.num_rows
        if self.shard_rows is not None and self.in_shard == self.shard_rows:
            self.writer.close()
            self.writer, self.in_shard = None, 0

    def close(self) -> list[Path]:
        """Write what is left and name the files; a config with no rows gets one file with no
        row group (datasets cannot read an empty row group)."""
        if self.size:
            self._write(self.size)
        if self.writer is None and not self.written:
            self.writer = self._open()
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        total = len(self.written)
        final = []
        for i, path in enumerate(self.written):
            target = self.folder / f"{SPLIT}-{i:05d}-of-{total:05d}.parquet"
            writes.rename_new(path, target)
            final.append(target)
        return final


@dataclass
class Export:
    """What an export wrote: the Parquet files, rows and Arrow bytes per config, and a summary of
    the documents (their number, languages and annotation statuses)."""

    files: dict[str, list[Path]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    nbytes: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    records: int = 0
    languages: set[str] = field(default_factory=set)
    statuses: Counter[str] = field(default_factory=Counter)

    def __getitem__(self, config: str) -> list[Path]:
        """The Parquet files of ``config``."""
        return self.files[config]


def export_parquet(
    root: Traversable | Path,
    out: Path,
    *,
    shard_rows: int | None = DEFAULT_SHARD_ROWS,
    jobs: int | None = None,
    configs: tuple[str, ...] = CONFIGS,
    shard_size: int = DEFAULT_SHARD,
    jsonl_dir: Path | None = None,
    progress: Progress | None = None,
) -> Export:
    """Write the corpus at ``root`` (already validated) as Parquet under ``out/<config>/`` and, with
    ``jsonl_dir``, as ``<jsonl_dir>/<config>.jsonl``; ``progress`` is called as files are written."""
    if shard_rows is not None and shard_rows < 1:
        raise ValueError("shard_rows must be at least 1")
    schemas = arrow_schemas()
    names = list(loader.iter_document_names(root))
    shards = [names[i : i + shard_size] for i in range(0, len(names), max(1, shard_size))]
    writers = {
        name: ParquetShards(out / name, schemas[name], shard_rows, ROW_GROUP_ROWS.get(name, DEFAULT_ROW_GROUP_ROWS))
        for name in configs
    }
    result = Export()
    sinks: dict[str, IO[bytes]] = {}
    try:
        if jsonl_dir is not None:
            writes.make_folder(jsonl_dir)
            for name in configs:
                sinks[name] = writes.open_new(jsonl_dir / f"{name}.jsonl")
        with paused_gc():
            done = 0
            for chunk in _chunks(root, shards, configs, jsonl_dir is not None, pool_size(jobs, len(names))):
                for name, table in chunk.tables.items():
                    writers[name].add(table)
                for name, text in chunk.jsonl.items():
                    sinks[name].write(text.encode("utf-8"))
                for language, status in chunk.documents:
                    result.languages.add(language.split("-")[0])
                    result.statuses[status] += 1
                done += len(chunk.documents)
                result.records += chunk.records
                if progress is not None:
                    progress(done, len(names), result.records)
            result.documents = done
    finally:
        for sink in sinks.values():
            sink.close()
    for name, writer in writers.items():
        result.files[name] = writer.close()
        result.rows[name], result.nbytes[name] = writer.rows, writer.nbytes
    return result

