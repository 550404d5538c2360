"""The release's ``oneie`` config: OneIE / TextEE sentence windows, one row per window.

Written beside the other configs by :func:`communique.release.build.write_release`, one document at
a time (a row group of windows in memory, plus the JSON Lines text). The rows are those of
``communique export --format oneie`` (:mod:`communique.formats.oneie`), every key present.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from .. import loader, writes
from ..models import Actor
from ..report import Report
from ..stream.export import DEFAULT_ROW_GROUP_ROWS, ParquetShards, _read, jsonl_lines
from .features import features

NAME = "oneie"
SUMMARY = (
    "OneIE / TextEE sentence windows (the input of event-extraction frameworks): tokens, entity and event "
    "mentions with token offsets; ACE types where the ontology maps them."
)


def write_windows(
    root: Traversable | Path, out: Path, actors: list[Actor], shard_rows: int | None
) -> tuple[list[Path], int, int]:
    """Write ``<out>/oneie/*.parquet`` and ``<out>/jsonl/oneie.jsonl``; return (files, rows, bytes)."""
    import pyarrow as pa

    from ..formats.oneie import release_rows_of
    from .views import config

    schema = features(config(NAME).tree()).arrow_schema
    writer = ParquetShards(out / NAME, schema, shard_rows, DEFAULT_ROW_GROUP_ROWS)
    types = {a.id: a.type for a in actors}
    lines = []
    for rel in loader.iter_document_names(root):
        doc = _read(root, rel)
        seed = loader.read_bytes(root, f"{loader.SEEDS_DIR}/{doc.document.seed}", Report(""))
        doc.document.attach_text(seed.decode("utf-8") if seed is not None else "")
        rows = release_rows_of(doc, types.__getitem__)
        writer.add(pa.Table.from_pylist(rows, schema=schema))
        lines.append(jsonl_lines(rows))
    files = writer.close()
    writes.write_file(out / "jsonl" / f"{NAME}.jsonl", "".join(lines))
    return files, writer.rows, writer.nbytes
