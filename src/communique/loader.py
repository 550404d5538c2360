"""Reading a corpus directory into typed records (the structural layer of validation).

A corpus directory holds::

    data/corpus.json              CorpusInfo
    data/actors.json              ActorsFile
    data/documents/<doc id>.json  DocumentFile, one per document
    seeds/<seed file>             the source texts the spans point into (UTF-8)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from . import reads
from .errors import UnsafePathError
from .models import ActorsFile, CorpusInfo, DocumentFile
from .paths import is_plain_id, split_name
from .report import Finding, Report
from .structure import MAX_FINDINGS_PER_FILE, json_path, parse_model, structure_findings

CORPUS_FILE = "data/corpus.json"
ACTORS_FILE = "data/actors.json"
DOCUMENTS_DIR = "data/documents"
SEEDS_DIR = "seeds"

__all__ = [
    "ACTORS_FILE",
    "CORPUS_FILE",
    "DOCUMENTS_DIR",
    "MAX_FINDINGS_PER_FILE",
    "SEEDS_DIR",
    "Reading",
    "iter_document_names",
    "json_path",
    "parse_model",
    "read",
    "read_bytes",
    "structure_findings",
]


@dataclass
class RawFile:
    """One data file as read: its relative name, raw JSON and the model (None when invalid)."""

    name: str
    raw: Any = None
    model: Any = None


@dataclass
class Reading:
    """What the structural layer read from a corpus directory."""

    root: Traversable | Path
    report: Report
    info: CorpusInfo | None = None
    actors: ActorsFile | None = None
    documents: list[tuple[str, DocumentFile]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """Seed texts by seed file name."""
    seed_bytes: dict[str, bytes] = field(default_factory=dict)
    unread: set[str] = field(default_factory=set)
    """Data files (or the documents folder) whose records are missing from the reading because the
    structural layer refused them; checks that need those records stay silent about them."""

    @property
    def actors_complete(self) -> bool:
        """True when data/actors.json was read and valid: every actor of the corpus is known."""
        return ACTORS_FILE not in self.unread

    @property
    def documents_complete(self) -> bool:
        """True when every document file was listed, read and valid: every record of the documents is known."""
        return not any(rel == DOCUMENTS_DIR or rel.startswith(DOCUMENTS_DIR + "/") for rel in self.unread)


def _child(root: Traversable | Path, rel: str) -> Traversable | Path:
    node: Traversable | Path = root
    for part in rel.split("/"):
        node = node / part
    return node


def read_bytes(root: Traversable | Path, rel: str, report: Report) -> bytes | None:
    """The bytes of ``root/rel``, or None with the finding :mod:`communique.reads` gives: E100
    (missing), E101 (unreadable, a folder, a FIFO, a device), E102 (too large) or E107 (a symbolic
    link loop). A file over :data:`communique.jsonio.MAX_FILE_BYTES` is never read into memory.
    """
    try:
        return reads.read_node(_child(root, rel), rel)
    except reads.ReadRefused as exc:
        report.add(exc.finding(rel))
        return None


def _printable(name: str) -> str:
    """A file name as ASCII text that can always be printed (odd bytes and controls escaped)."""
    return ascii(name)[1:-1]


def iter_document_names(
    root: Traversable | Path, report: Report | None = None, skipped: set[str] | None = None
) -> Iterator[str]:
    """The document files under data/documents/, sorted; an unlistable folder or oddly named files
    become findings in ``report`` and entries in ``skipped``."""
    folder = _child(root, DOCUMENTS_DIR)
    try:
        if not folder.is_dir():
            refusal = reads.stat_refusal(folder, DOCUMENTS_DIR) if isinstance(folder, Path) else None
            if refusal is not None and refusal.code != "E100" and report is not None:
                report.add(refusal.finding(DOCUMENTS_DIR))
            return
        names = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        if report is not None:
            report.add(Finding(DOCUMENTS_DIR, "$", "E101", f"cannot list {DOCUMENTS_DIR}: {exc.strerror or exc}"))
        if skipped is not None:
            skipped.add(DOCUMENTS_DIR)
        return
    for name in names:
        if not name.endswith(".json"):
            continue
        if not is_plain_id(name[: -len(".json")]):
            if skipped is not None:
                skipped.add(f"{DOCUMENTS_DIR}/{_printable(name)}")
            if report is not None:
                report.add(
                    Finding(
                        f"{DOCUMENTS_DIR}/{_printable(name)}",
                        "$",
                        "E105",
                        f"document file name {_printable(name)!r} is not '<document id>.json' with a plain id "
                        "(ASCII letters, digits, '_' or '-'); the file was not read",
                    )
                )
            continue
        yield f"{DOCUMENTS_DIR}/{name}"


def _read_seed(root: Traversable | Path, seed: str, reading: Reading) -> None:
    report = reading.report
    try:
        stem = split_name(seed, ".txt")
    except UnsafePathError as exc:  # the model's pattern already refuses these; kept as a second guard
        report.add(Finding(f"{SEEDS_DIR}/{_printable(seed)}", "$", "E101", str(exc)))
        return
    seed_rel = f"{SEEDS_DIR}/{stem}.txt"
    data = read_bytes(root, seed_rel, report)
    if data is None:
        return
    reading.seed_bytes[seed] = data
    try:
        reading.texts[seed] = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = f"seed is not UTF-8 (byte {exc.start}); expected UTF-8 text"
        report.add(Finding(seed_rel, "$", "E101", message, line=line))


def read(root: Traversable | Path) -> Reading:
    """Read every file of the corpus at ``root``, collecting structural findings."""
    reading = Reading(root=root, report=Report(str(root)))
    report = reading.report
    if not _child(root, "data").is_dir():
        report.add(
            Finding(
                "data",
                "$",
                "E100",
                "no data/ folder: expected a corpus directory laid out like the repository (data/, seeds/)",
            )
        )
        return reading
    data = read_bytes(root, CORPUS_FILE, report)
    if data is not None:
        _, reading.info = parse_model(data, CORPUS_FILE, CorpusInfo, report)
    if reading.info is None:
        reading.unread.add(CORPUS_FILE)
    data = read_bytes(root, ACTORS_FILE, report)
    if data is not None:
        _, reading.actors = parse_model(data, ACTORS_FILE, ActorsFile, report)
    if reading.actors is None:
        reading.unread.add(ACTORS_FILE)
    names = list(iter_document_names(root, report, reading.unread))
    for rel in names:
        data = read_bytes(root, rel, report)
        doc = None if data is None else parse_model(data, rel, DocumentFile, report)[1]
        if doc is None:
            reading.unread.add(rel)
            continue
        stem = rel.rsplit("/", 1)[1][: -len(".json")]
        if stem != doc.document.id:
            report.add(
                Finding(
                    rel,
                    "$.document.id",
                    "E105",
                    f"document id {doc.document.id!r} differs from the file name; expected {stem!r}",
                    record=doc.document.id,
                )
            )
        reading.documents.append((rel, doc))
        if doc.document.seed not in reading.seed_bytes:
            _read_seed(root, doc.document.seed, reading)
    if not names:
        reading.unread.add(DOCUMENTS_DIR)
        if not any(f.file.startswith(DOCUMENTS_DIR) for f in report.findings):
            report.add(Finding(DOCUMENTS_DIR, "$", "E100", "no document files in data/documents/"))
    return reading
