"""Streaming export of a validated corpus to sharded Parquet (extra ``hf``: pyarrow, datasets).

Each config (``mentions``, ``events``, ``statements``, ``documents``) becomes
``<config>/test-00000-of-00003.parquet``... with ``shard_rows`` rows per file (the last one
shorter), the layout ``datasets.load_dataset`` reads, streaming or not. Rows are the records'
``model_dump(mode="json")`` in corpus order (document files in name order, records in file order),
typed by the release's features. Worker processes turn shards of document files into Arrow
tables; the parent cuts them into files of exactly ``shard_rows`` rows, so the bytes written do
not depend on the number of processes. Memory holds one output shard per config.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import loader
from ..errors import CommuniqueError, CorpusInvalidError
from ..models import DocumentFile
from ..report import Report
from .engine import DEFAULT_SHARD, _mp_context, default_jobs, paused_gc

RECORD_CONFIGS = ("mentions", "events", "statements")
CONFIGS = ("documents", *RECORD_CONFIGS)
DEFAULT_SHARD_ROWS = 100_000
SPLIT = "test"


def arrow_schemas() -> dict[str, Any]:
    """The pyarrow schema of each exported config (from the release's features)."""
    from ..release.features import features
    from ..release.views import config

    return {name: features(config(name).tree()).arrow_schema for name in CONFIGS}


def _read(root: Traversable | Path, rel: str) -> DocumentFile:
    report = Report(str(root))
    data = loader.read_bytes(root, rel, report)
    if data is None:
        raise CorpusInvalidError(report)
    try:
        return DocumentFile.model_validate_json(data, strict=True)
    except ValidationError:
        raise CommuniqueError(f"{rel} is not a valid document file: validate the corpus before exporting") from None


def shard_tables(root: Traversable | Path, rels: list[str], configs: tuple[str, ...]) -> dict[str, Any]:
    """Arrow tables of the rows of the document files ``rels``, one per config."""
    import pyarrow as pa

    from ..release.views import document_row

    schemas = arrow_schemas()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in configs}
    for rel in rels:
        doc = _read(root, rel)
        dumped = doc.model_dump(mode="json", include=set(RECORD_CONFIGS))
        for name in RECORD_CONFIGS:
            if name in rows:
                rows[name].extend(dumped[name])
        if "documents" in rows:
            seed = loader.read_bytes(root, f"{loader.SEEDS_DIR}/{doc.document.seed}", Report(""))
            doc.document.attach_text(seed.decode("utf-8") if seed is not None else "")
            rows["documents"].append(document_row(doc))
    return {name: pa.Table.from_pylist(rows[name], schema=schemas[name]) for name in configs}


_WORKER: dict[str, Any] = {}


def _init(root: Traversable | Path, configs: tuple[str, ...]) -> None:
    _WORKER["root"], _WORKER["configs"] = root, configs


def _work(rels: list[str]) -> dict[str, Any]:
    return shard_tables(_WORKER["root"], rels, _WORKER["configs"])


def _tables(root: Traversable | Path, shards: list[list[str]], configs: tuple[str, ...], jobs: int) -> Iterator[Any]:
    if jobs <= 1 or len(shards) <= 1 or not isinstance(root, Path):
        for shard in shards:
            yield shard_tables(root, shard, configs)
        return
    with ProcessPoolExecutor(jobs, mp_context=_mp_context(), initializer=_init, initargs=(root, configs)) as pool:
        yield from pool.map(_work, shards)


class _ShardWriter:
    """Cuts a stream of tables into Parquet files of exactly ``rows`` rows."""

    def __init__(self, folder: Path, schema: Any, rows: int) -> None:
        self.folder, self.schema, self.rows = folder, schema, rows
        self.pending: list[Any] = []
        self.size = 0
        self.written: list[Path] = []

    def add(self, table: Any) -> None:
        self.pending.append(table)
        self.size += table.num_rows
        while self.size >= self.rows:
            self._flush(self.rows)

    def _flush(self, count: int) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.concat_tables(self.pending) if self.pending else self.schema.empty_table()
        head, rest = table.slice(0, count), table.slice(count)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f".shard-{len(self.written):05d}.parquet"
        if head.num_rows:
            pq.write_table(head.combine_chunks(), path, row_group_size=count)
        else:
            with pq.ParquetWriter(path, self.schema):
                pass  # datasets cannot read a file with an empty row group
        self.written.append(path)
        self.pending = [rest] if rest.num_rows else []
        self.size = rest.num_rows

    def close(self) -> list[Path]:
        """Write the last, shorter shard and name the files ``test-00000-of-0000N.parquet``."""
        if self.size or not self.written:
            self._flush(self.size)
        total = len(self.written)
        final = []
        for i, path in enumerate(self.written):
            target = self.folder / f"{SPLIT}-{i:05d}-of-{total:05d}.parquet"
            path.rename(target)
            final.append(target)
        return final


def export_parquet(
    root: Traversable | Path,
    out: Path,
    *,
    shard_rows: int = DEFAULT_SHARD_ROWS,
    jobs: int | None = None,
    configs: tuple[str, ...] = CONFIGS,
    shard_size: int = DEFAULT_SHARD,
) -> dict[str, list[Path]]:
    """Write the corpus at ``root`` (already validated) as sharded Parquet under ``out``/<config>/."""
    if shard_rows < 1:
        raise ValueError("shard_rows must be at least 1")
    schemas = arrow_schemas()
    names = list(loader.iter_document_names(root))
    shards = [names[i : i + shard_size] for i in range(0, len(names), shard_size)]
    writers = {name: _ShardWriter(out / name, schemas[name], shard_rows) for name in configs}
    with paused_gc():
        for tables in _tables(root, shards, configs, jobs or default_jobs()):
            for name, table in tables.items():
                writers[name].add(table)
    return {name: writer.close() for name, writer in writers.items()}
