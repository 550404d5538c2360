"""The release rows of the checked documents, written as they are validated: sharded Parquet and
JSON Lines (extra ``hf``: pyarrow).

:class:`ReleaseRows` is a sink of the validation driver (:mod:`communique.validation.driver`):
the worker that checked a shard of document files turns their models into Arrow tables and JSON
Lines (:func:`shard_tables`), and the calling process writes them in corpus order, so ``build``
reads every file once and exports exactly what it validated.

Each config whose rows come from the document files (``documents``, ``mentions``, ``events``,
``statements``, ``oneie``: :data:`communique.release.views.FILE_CONFIGS`) becomes
``<config>/test-00000-of-00003.parquet``... with ``shard_rows`` rows per file (the last one
shorter; one file when ``shard_rows`` is None), the layout ``datasets.load_dataset`` reads,
streaming or not, and optionally ``<jsonl_dir>/<config>.jsonl``. Rows are in corpus order
(document files in name order, records in file order), typed by the release's features, written
as row groups of a fixed number of rows, so the bytes written do not depend on the number of
processes. Memory holds at most one row group per config, whatever the size of the corpus.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .. import writes
from ..models import ActorsFile, CorpusInfo
from ..validation.document import Checked
from .views import FILE_CONFIGS, SPLIT, Config, config, file_rows

DEFAULT_SHARD_ROWS = 100_000
ROW_GROUP_ROWS = {"documents": 100}
"""Rows per Parquet row group for configs whose rows are large (a document row carries its text and
every annotation); other configs use :data:`DEFAULT_ROW_GROUP_ROWS`."""
DEFAULT_ROW_GROUP_ROWS = 10_000
FILE_CONFIG_NAMES = tuple(c.name for c in FILE_CONFIGS)


def arrow_schemas(names: tuple[str, ...] = FILE_CONFIG_NAMES) -> dict[str, Any]:
    """The pyarrow schema of each exported config (from the release's features)."""
    from .features import features

    return {name: features(config(name).tree()).arrow_schema for name in names}


def jsonl_lines(rows: list[dict[str, Any]]) -> str:
    """Rows as JSON Lines: compact, UTF-8 as is, one row per line."""
    return "".join(json.dumps(r, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n" for r in rows)


@dataclass
class Chunk:
    """The rows of a run of document files: an Arrow table and, when asked, JSON Lines per config,
    and (language, annotation status) of each document."""

    tables: dict[str, Any]
    jsonl: dict[str, str]
    documents: list[tuple[str, str]]
    records: int


@dataclass(frozen=True)
class RowMaker:
    """Turns a shard's checked documents into a :class:`Chunk` (runs in the worker processes)."""

    configs: tuple[str, ...]
    jsonl: bool
    actor_types: dict[str, str]

    def __call__(self, checked: list[Checked]) -> Chunk:
        return shard_tables(checked, self.configs, self.actor_types, self.jsonl)


def shard_tables(
    checked: list[Checked], configs: tuple[str, ...], actor_types: dict[str, str], jsonl: bool = False
) -> Chunk:
    """The rows of checked document files: a pure function of its arguments."""
    import pyarrow as pa

    schemas = arrow_schemas(configs)
    wanted: tuple[Config, ...] = tuple(config(name) for name in configs)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    documents: list[tuple[str, str]] = []
    records = 0
    for c in checked:
        doc = c.doc
        documents.append((doc.document.language, doc.status))
        records += 1 + len(doc.mentions) + len(doc.events) + len(doc.statements)
        doc.document.attach_text(c.text if c.text is not None else "")
        for name, got in file_rows(doc, wanted, actor_types).items():
            rows[name].extend(got)
    tables = {name: pa.Table.from_pylist(rows[name], schema=schemas[name]) for name in configs}
    lines = {name: jsonl_lines(rows[name]) for name in configs} if jsonl else {}
    return Chunk(tables, lines, documents, records)


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


class ReleaseRows:
    """The sink that writes the release rows of every checked document (see the module docstring).

    ``configs``: the file configs to write; ``jsonl_dir``: where JSON Lines go (None: none).
    """

    def __init__(
        self, out: Path, *, shard_rows: int | None = DEFAULT_SHARD_ROWS, configs: tuple[str, ...] = FILE_CONFIG_NAMES,
        jsonl_dir: Path | None = None,
    ) -> None:
        if shard_rows is not None and shard_rows < 1:
            raise ValueError("shard_rows must be at least 1")
        self.configs, self.jsonl_dir = configs, jsonl_dir
        schemas = arrow_schemas(configs)
        self.writers = {
            name: ParquetShards(out / name, schemas[name], shard_rows,
                                ROW_GROUP_ROWS.get(name, DEFAULT_ROW_GROUP_ROWS))
            for name in configs
        }
        self.files: dict[str, IO[bytes]] = {}
        self.result = Export()
        self.actor_types: dict[str, str] = {}

    def start(self, info: CorpusInfo | None, actors: ActorsFile | None) -> None:
        if actors is not None:
            self.actor_types = {a.id: a.type for a in actors.actors}
        if self.jsonl_dir is not None:
            writes.make_folder(self.jsonl_dir)
            for name in self.configs:
                self.files[name] = writes.open_new(self.jsonl_dir / f"{name}.jsonl")

    def mapper(self) -> Callable[[list[Checked]], Chunk]:
        return RowMaker(self.configs, self.jsonl_dir is not None, self.actor_types)

    def take(self, chunk: Chunk) -> None:
        for name, table in chunk.tables.items():
            self.writers[name].add(table)
        for name, text in chunk.jsonl.items():
            self.files[name].write(text.encode("utf-8"))
        for language, status in chunk.documents:
            self.result.languages.add(language.split("-")[0])
            self.result.statuses[status] += 1
        self.result.documents += len(chunk.documents)
        self.result.records += chunk.records

    def close(self) -> Export:
        """Close the JSON Lines files and name the Parquet files; what was written."""
        for sink in self.files.values():
            sink.close()
        self.files.clear()
        for name, writer in self.writers.items():
            self.result.files[name] = writer.close()
            self.result.rows[name], self.result.nbytes[name] = writer.rows, writer.nbytes
        return self.result


def export_parquet(
    root: Path,
    out: Path,
    *,
    shard_rows: int | None = DEFAULT_SHARD_ROWS,
    jobs: int | None = None,
    configs: tuple[str, ...] = FILE_CONFIG_NAMES,
    jsonl_dir: Path | None = None,
    shard_size: int = 64,
) -> Export:
    """Validate the corpus at ``root`` and write its rows under ``out/<config>/`` (and, with
    ``jsonl_dir``, as ``<jsonl_dir>/<config>.jsonl``) in the same pass.

    Raises :class:`~communique.errors.CorpusInvalidError` when the corpus has errors (what was
    written is then incomplete: write into a folder that is thrown away on error).
    """
    from ..errors import CorpusInvalidError
    from ..validation import run

    sink = ReleaseRows(out, shard_rows=shard_rows, configs=configs, jsonl_dir=jsonl_dir)
    try:
        report = run(root, jobs=jobs, verify=False, shard_size=shard_size, sinks=(sink,)).report
    finally:
        exported = sink.close()
    if not report.ok:
        raise CorpusInvalidError(report)
    return exported
