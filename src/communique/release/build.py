"""``communique build``: the validated corpus as a release folder laid out as a Hub dataset repo.

Layout (``release/`` by default)::

    README.md                                  dataset card: YAML metadata (configs, features) and sections
    <config>/test-00000-of-00001.parquet       one per config: documents, actors, mentions, events, statements, oneie
    jsonl/<config>.jsonl                       the same rows as JSON Lines
    schema/*.json                              JSON Schemas of the records and files (as shipped in schema/)
    croissant.json                             Croissant 1.0 metadata
    SHA256SUMS                                 sha256sum-style checksums of every other file
    .communique-output                         what wrote the folder, so a later build may replace it

The build is deterministic (rows in corpus order, fixed row groups, no timestamps: the same bytes
on any number of processes), atomic (see :mod:`communique.writes`) and streaming: memory does not
grow with the corpus. It reads the corpus once: each document file is validated and its rows
written in the same pass (:class:`~.export.ReleaseRows`, a sink of the validation driver), so what
ships is what was validated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .. import jsonio, reads, writes
from ..errors import CommuniqueError, CorpusInvalidError
from ..layout import ACTORS_FILE, CORPUS_FILE
from ..outputs import sha256
from ..validation import Progress, resolve_root, run
from . import agreement, audit, card, croissant, views
from .export import DEFAULT_ROW_GROUP_ROWS, ParquetShards, ReleaseRows, jsonl_lines
from .features import features
from .schemas import release_schemas
from .summary import Summary
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


def _read_figures(
    root: Traversable | Path, name: str, parse: Callable[[bytes], dict[str, Any]]
) -> dict[str, Any] | None:
    """docs/NAME parsed, or None when the corpus has no such file (the card then says so)."""
    node = root / "docs" / name
    if not node.is_file():
        return None
    return parse(reads.read_node(node, f"docs/{name}"))


def write_release(
    root: Traversable | Path,
    out: Path,
    repo_id: str,
    agreement_data: dict[str, Any] | None,
    shard_rows: int | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    audit_data: dict[str, Any] | None = None,
) -> Release:
    """Validate the corpus at ``root`` and write every release file into the folder ``out`` (which
    exists and is empty) in the same pass: document files are read a shard at a time and their
    rows written as they are checked, so memory does not grow with the corpus. Each config's
    Parquet file is cut into shards of ``shard_rows`` rows when it holds more.

    Raises :class:`~communique.errors.CorpusInvalidError` when the corpus has errors (``out`` then
    holds a partial release, which :func:`build` throws away).
    """
    import pyarrow as pa

    sink = ReleaseRows(out, shard_rows=shard_rows, jsonl_dir=out / "jsonl")
    try:
        checked = run(root, jobs=jobs, progress=progress, sinks=(sink,))
    finally:
        exported = sink.close()
    if not checked.report.ok:
        raise CorpusInvalidError(checked.report)
    info, actors = checked.info, checked.actors
    if info is None or actors is None:  # cannot be: their findings would be errors
        raise CommuniqueError(f"{root}: {CORPUS_FILE} or {ACTORS_FILE} could not be read")
    actor_rows = views.actor_rows(actors.actors)
    actor_schema = features(views.config("actors").tree()).arrow_schema
    writer = ParquetShards(out / "actors", actor_schema, shard_rows, DEFAULT_ROW_GROUP_ROWS)
    writer.add(pa.Table.from_pylist(actor_rows, schema=actor_schema))
    exported.files["actors"] = writer.close()
    exported.rows["actors"], exported.nbytes["actors"] = writer.rows, writer.nbytes
    writes.write_file(out / "jsonl" / "actors.jsonl", jsonl_lines(actor_rows))
    release = Release(out, info.version)
    yaml_features: dict[str, Any] = {}
    parquet_files: dict[str, tuple[str, str]] = {}
    for cfg in CONFIGS:
        release.counts[cfg.name] = exported.rows[cfg.name]
        yaml_features[cfg.name] = features(cfg.tree())._to_yaml_list()  # datasets' own card serialisation
        shards = exported.files[cfg.name]
        rel = f"{cfg.name}/{shards[0].name}"
        single = len(shards) == 1
        parquet_files[cfg.name] = (rel, sha256(out / rel)) if single else (f"{cfg.name}/{SPLIT}-*.parquet", "")
    summary = Summary(info, exported.documents, tuple(sorted(exported.languages)), dict(exported.statuses))
    for name, text in release_schemas().items():
        writes.write_file(out / "schema" / name, text)
    paths = {k: v[0] for k, v in parquet_files.items()}
    meta = card.metadata(summary, release.counts, yaml_features, exported.nbytes, paths)
    lines = card.body(summary, release.counts, repo_id, agreement_data, audit_data)
    writes.write_file(out / "README.md", card.render(meta, lines))
    writes.write_file(out / "croissant.json", jsonio.dumps(croissant.croissant(summary, parquet_files, repo_id)))
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    sums = "".join(f"{sha256(out / rel)}  {rel}\n" for rel in files)
    writes.write_file(out / CHECKSUMS, sums)
    release.files = sorted([*files, CHECKSUMS])
    return release


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

    One pass streams on ``jobs`` processes: each document file is read once, validated and its
    rows written (``progress`` is called as files are checked); the corpus is never held in
    memory. ``shard_rows`` cuts each config's Parquet file into shards of at most that many rows.

    Raises :class:`~communique.errors.CorpusInvalidError` (nothing written: the temporary folder
    is removed) when the corpus has errors, :class:`~communique.errors.OutputError` when ``out``
    cannot be written or holds anything but an earlier release (see :mod:`communique.writes`).
    """
    root = resolve_root(path)
    agreement_data = _read_figures(root, "agreement.json", agreement.parse)
    audit_data = _read_figures(root, "audit.json", audit.parse)
    result: list[Release] = []

    def fill(tmp: Path) -> None:
        result.append(write_release(
            root, tmp, repo_id, agreement_data, shard_rows, jobs=jobs, progress=progress, audit_data=audit_data
        ))

    writes.write_folder(out, fill, command="build", source=root if isinstance(root, Path) else None)
    release = result[0]
    release.path = out
    return release
