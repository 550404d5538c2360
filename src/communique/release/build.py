"""``communique build``: the validated corpus as a release folder laid out as a Hub dataset repo.

Layout (``release/`` by default)::

    README.md                                  dataset card: YAML metadata (configs, features) and sections
    <config>/test-00000-of-00001.parquet       one per config: documents, actors, mentions, events, statements
    jsonl/<config>.jsonl                       the same rows as JSON Lines
    schema/*.json                              JSON Schemas of the records and files (as shipped in schema/)
    croissant.json                             Croissant 1.0 metadata
    SHA256SUMS                                 sha256sum-style checksums of every other file

The build is deterministic (sorted rows, no timestamps) and atomic (see :mod:`.folder`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .. import jsonio
from ..api import load
from ..corpus import Corpus
from ..errors import CorpusInvalidError
from ..report import Report
from ..stream import Progress, run
from ..validate import resolve_root
from . import agreement, card, croissant
from .features import features
from .folder import write_folder
from .schemas import release_schemas
from .views import CONFIGS, SPLIT

DEFAULT_OUT = Path("release")
DEFAULT_REPO_ID = "communique/communique"
CHECKSUMS = "SHA256SUMS"


@dataclass
class Release:
    """What a build wrote: where, which version, and the rows per config."""

    path: Path
    version: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def empty_configs(self) -> list[str]:
        """Configs without rows: ``datasets.load_dataset`` cannot materialise an empty split
        (it raises 'corresponds to no data'); ``streaming=True`` reads them as empty."""
        return [name for name, n in self.counts.items() if n == 0]


def _jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n" for r in rows)


def _read_agreement(root: Traversable | Path) -> dict[str, Any] | None:
    node = root / "docs" / "agreement.json"
    if not node.is_file():
        return None
    return agreement.parse(node.read_bytes())


def _write_parquet(table: Any, path: Path) -> None:
    """Write ``table``; an empty table gets no row group (datasets cannot read an empty one)."""
    import pyarrow.parquet as pq

    if table.num_rows:
        pq.write_table(table, path)
    else:
        with pq.ParquetWriter(path, table.schema):
            pass


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shard_names(rows: int, shard_rows: int | None) -> list[tuple[str, int, int]]:
    """(file name, first row, row count) of each Parquet shard of a config with ``rows`` rows:
    ``test-00000-of-00001.parquet`` alone unless ``shard_rows`` cuts it into more."""
    if not shard_rows or rows <= shard_rows:
        return [(card.PARQUET_NAME, 0, rows)]
    total = -(-rows // shard_rows)
    return [
        (f"{SPLIT}-{i:05d}-of-{total:05d}.parquet", i * shard_rows, min(shard_rows, rows - i * shard_rows))
        for i in range(total)
    ]


def write_release(
    corpus: Corpus,
    out: Path,
    repo_id: str,
    agreement_data: dict[str, Any] | None,
    shard_rows: int | None = None,
) -> Release:
    """Write every release file into the folder ``out`` (which exists and is empty); each config's
    Parquet file is cut into shards of ``shard_rows`` rows when it holds more."""
    import pyarrow as pa

    release = Release(out, corpus.version)
    yaml_features: dict[str, Any] = {}
    nbytes: dict[str, int] = {}
    parquet_files: dict[str, tuple[str, str]] = {}
    for cfg in CONFIGS:
        rows = cfg.rows(corpus)
        feats = features(cfg.tree())
        table = pa.Table.from_pylist(rows, schema=feats.arrow_schema)
        (out / cfg.name).mkdir()
        names = shard_names(table.num_rows, shard_rows)
        for name, first, count in names:
            _write_parquet(table.slice(first, count), out / cfg.name / name)
        rel = f"{cfg.name}/{names[0][0]}"
        jsonio.write_atomic(out / "jsonl" / f"{cfg.name}.jsonl", _jsonl(rows))
        release.counts[cfg.name] = len(rows)
        yaml_features[cfg.name] = feats._to_yaml_list()  # datasets' own card serialisation of features
        nbytes[cfg.name] = table.nbytes
        single = len(names) == 1
        parquet_files[cfg.name] = (rel, _sha256(out / rel)) if single else (f"{cfg.name}/{SPLIT}-*.parquet", "")
    for name, text in release_schemas().items():
        jsonio.write_atomic(out / "schema" / name, text)
    meta = card.metadata(corpus, release.counts, yaml_features, nbytes, {k: v[0] for k, v in parquet_files.items()})
    lines = card.body(corpus, release.counts, repo_id, agreement_data)
    jsonio.write_atomic(out / "README.md", card.render(meta, lines))
    jsonio.write_atomic(out / "croissant.json", jsonio.dumps(croissant.croissant(corpus, parquet_files, repo_id)))
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    sums = "".join(f"{_sha256(out / rel)}  {rel}\n" for rel in files)
    jsonio.write_atomic(out / CHECKSUMS, sums)
    release.files = sorted([*files, CHECKSUMS])
    return release


def is_release(folder: Path) -> bool:
    """Whether ``folder`` looks like a release this command wrote (so it may be replaced)."""
    return (folder / CHECKSUMS).is_file() and (folder / "README.md").is_file() and (folder / "croissant.json").is_file()


def build(
    path: str | Path | None = None,
    out: Path = DEFAULT_OUT,
    repo_id: str = DEFAULT_REPO_ID,
    *,
    jobs: int = 1,
    shard_rows: int | None = None,
    progress: Progress | None = None,
) -> Release:
    """Validate the corpus at ``path`` (default: packaged) and write its release to ``out``.

    Validation streams on ``jobs`` processes (``progress`` is called as files are checked);
    ``shard_rows`` cuts each config's Parquet file into shards of at most that many rows.

    Raises :class:`~communique.errors.CorpusInvalidError` (nothing written) when the corpus has
    errors, :class:`~communique.release.folder.OutputError` when ``out`` cannot be written.
    """
    report: Report = run(resolve_root(path), jobs=jobs, progress=progress).report
    if not report.ok:
        raise CorpusInvalidError(report)
    corpus = load(path)
    agreement_data = _read_agreement(resolve_root(path))
    result: list[Release] = []

    def fill(tmp: Path) -> None:
        result.append(write_release(corpus, tmp, repo_id, agreement_data, shard_rows))

    write_folder(out, fill, is_release)
    release = result[0]
    release.path = out
    return release
