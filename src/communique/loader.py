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
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import jsonio
from .models import ActorsFile, CorpusInfo, DocumentFile
from .report import Finding, Report

CORPUS_FILE = "data/corpus.json"
ACTORS_FILE = "data/actors.json"
DOCUMENTS_DIR = "data/documents"
SEEDS_DIR = "seeds"

_M = TypeVar("_M", bound=BaseModel)


def json_path(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as a JSON path ('$.events[3].span.end')."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _record_id(raw: Any, loc: tuple[int | str, ...]) -> str | None:
    """The id of the innermost record on the path to ``loc``, if any."""
    found: str | None = None
    node = raw
    for part in loc:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found = node["id"]
            node = node.get(part) if isinstance(part, str) else None
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            break
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        found = node["id"]
    return found


def structure_findings(exc: ValidationError, raw: Any, file: str) -> list[Finding]:
    """Turn a pydantic ValidationError into E103 findings with JSON paths and record ids."""
    findings = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        found = err.get("input")
        found_text = _short(found)
        findings.append(
            Finding(
                file=file,
                path=json_path(loc),
                code="E103",
                message=f"{err['msg']} (found {found_text})",
                record=_record_id(raw, loc),
                expected=err["msg"],
                found=found_text,
            )
        )
    return findings


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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


def _child(root: Traversable | Path, rel: str) -> Traversable | Path:
    node: Traversable | Path = root
    for part in rel.split("/"):
        node = node / part
    return node


def read_bytes(root: Traversable | Path, rel: str, report: Report) -> bytes | None:
    node = _child(root, rel)
    try:
        if not node.is_file():
            report.add(Finding(rel, "$", "E100", f"missing file {rel}; expected it in the corpus directory"))
            return None
        return node.read_bytes()
    except OSError as exc:
        report.add(Finding(rel, "$", "E101", f"cannot read {rel}: {exc.strerror or exc}"))
        return None


def parse_model(data: bytes, rel: str, model: type[_M], report: Report) -> tuple[Any, _M | None]:
    """Parse strict JSON and validate it against ``model``; add findings to ``report``."""
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        report.add(Finding(rel, "$", "E102", exc.message, line=exc.line))
        return None, None
    if not isinstance(raw, dict):
        report.add(Finding(rel, "$", "E103", f"expected a JSON object at the top level, found {type(raw).__name__}"))
        return raw, None
    version = raw.get("schema_version")
    if isinstance(version, str) and not version.startswith("1."):
        report.add(
            Finding(
                rel,
                "$.schema_version",
                "E104",
                f"schema_version {version!r} is not readable by this package (reads 1.x); "
                "upgrade the file with communique.upgrade",
            )
        )
        return raw, None
    try:
        return raw, model.model_validate(raw, strict=True)
    except ValidationError as exc:
        report.extend(structure_findings(exc, raw, rel))
        return raw, None


def iter_document_names(root: Traversable | Path) -> Iterator[str]:
    folder = _child(root, DOCUMENTS_DIR)
    if not folder.is_dir():
        return
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    for name in names:
        yield f"{DOCUMENTS_DIR}/{name}"


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
    data = read_bytes(root, ACTORS_FILE, report)
    if data is not None:
        _, reading.actors = parse_model(data, ACTORS_FILE, ActorsFile, report)
    for rel in iter_document_names(root):
        data = read_bytes(root, rel, report)
        if data is None:
            continue
        _, doc = parse_model(data, rel, DocumentFile, report)
        if doc is None:
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
        seed_rel = f"{SEEDS_DIR}/{doc.document.seed}"
        if doc.document.seed not in reading.seed_bytes:
            seed = read_bytes(root, seed_rel, report)
            if seed is not None:
                reading.seed_bytes[doc.document.seed] = seed
                try:
                    reading.texts[doc.document.seed] = seed.decode("utf-8")
                except UnicodeDecodeError as exc:
                    report.add(Finding(seed_rel, "$", "E101", f"seed is not UTF-8 (byte {exc.start})"))
    if not reading.documents and not report.errors:
        report.add(Finding(DOCUMENTS_DIR, "$", "E100", "no document files in data/documents/"))
    return reading
