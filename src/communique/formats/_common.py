"""What every converter shares: the export and import results, the sidecar file and the imported corpus."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import jsonio, reads
from .._version import __version__
from ..codes import finding
from ..corpus import Corpus
from ..layout import ACTORS_FILE, CORPUS_FILE, document_file, seed_file
from ..report import Report

SIDECAR = "communique-sidecar.json"
"""The sidecar file of every export: corpus info, actors, and each document with ``$ref`` spans."""
EXPORT_INFO = "communique-export.json"
"""What wrote the export: format, package version, corpus version, tokenizer."""
SIDECAR_VERSION = 1

Json = dict[str, Any]


@dataclass
class Export:
    """An export in memory: its files (relative name -> content) and counts of what it holds and dropped."""

    files: dict[str, bytes | str] = field(default_factory=dict)
    summary: dict[str, int] = field(default_factory=dict)


@dataclass
class Imported:
    """An import in memory: the corpus files it produced and the findings about the input."""

    report: Report
    files: dict[str, bytes | str] = field(default_factory=dict)
    documents: int = 0


def export_info(fmt: str, corpus: Corpus, **extra: Any) -> str:
    info = {"format": fmt, "communique": __version__, "corpus": corpus.info.name, "corpus_version": corpus.version}
    return jsonio.dumps({**info, **extra})


def sidecar(corpus: Corpus, documents: list[Json]) -> str:
    """The sidecar file's text: corpus info, actors, and one entry per document."""
    return jsonio.dumps(
        {
            "sidecar_version": SIDECAR_VERSION,
            "corpus": corpus.info.model_dump(mode="json"),
            "actors": [a.model_dump(mode="json") for a in corpus.actors],
            "documents": documents,
        }
    )


def read_input(path: Path, root: Path, report: Report, rel: str) -> bytes | None:
    """The bytes of one input file of an import, or None with a finding (E500).

    Read through :mod:`communique.reads` (a regular file only, never a FIFO or a device, bounded by
    the documented size limit before a byte is read); a symbolic link that leads out of the input
    folder ``root`` is refused, so an import reads nothing but the folder it was given.
    """
    real, top = os.path.realpath(path), os.path.realpath(root)
    if not (real == top or real.startswith(top.rstrip(os.sep) + os.sep)):
        inside = "a file inside the folder being imported"
        unreadable(report, rel, f"it is a symbolic link out of the input folder; expected {inside}", expected=inside)
        return None
    try:
        return reads.read_file(path, rel)
    except reads.ReadRefused as exc:
        unreadable(report, rel, exc.cause, expected=exc.expected, found=exc.found)
    return None


def unreadable(report: Report, rel: str, reason: str, *, line: int | None = None, record: str | None = None,
               expected: str | None = None, found: str | None = None) -> None:
    """E500: the input file ``rel`` (or its line ``line``) cannot be imported, for ``reason``."""
    report.add(finding("E500", rel, "$", line=line, record=record, expected=expected, found=found, name=rel,
                       reason=reason))


def read_json(path: Path, root: Path, report: Report, rel: str) -> Any:
    """A JSON file of an export in the input folder ``root``, or None with a finding (E500) when it
    cannot be read (as :func:`read_input` reads) or parsed."""
    data = read_input(path, root, report, rel)
    if data is None:
        return None
    try:
        return jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        unreadable(report, rel, exc.message, line=exc.line)
    return None


def read_jsonl(path: Path, report: Report, rel: str) -> list[tuple[int, Any]]:
    """The objects of a JSON Lines file with their 1-based line numbers; a finding per unreadable line."""
    if not os.path.lexists(path):
        unreadable(report, rel, f"it is missing; expected {rel} in the folder", expected=f"{rel} in the folder")
        return []
    data = read_input(path, path.parent, report, rel)  # a FIFO, a device or a link out of the folder: a finding
    if data is None:
        return []
    rows: list[tuple[int, Any]] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, jsonio.loads(line)))
        except jsonio.JsonReadError as exc:
            unreadable(report, rel, f"line {number}: {exc.message}", line=number)
    return rows


def corpus_files(sidecar_data: Json, documents: list[Json], seeds: dict[str, bytes]) -> dict[str, bytes | str]:
    """The files of the imported corpus directory."""
    files: dict[str, bytes | str] = {
        CORPUS_FILE: jsonio.dumps(sidecar_data["corpus"]),
        ACTORS_FILE: jsonio.dumps(
            {"schema_version": sidecar_data["corpus"]["schema_version"], "actors": sidecar_data["actors"]}
        ),
    }
    for doc in documents:
        files[document_file(doc["document"]["id"])] = jsonio.dumps(doc)
    for name, data in seeds.items():
        files[seed_file(name)] = data
    return files


def jsonl(rows: list[Json]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n" for r in rows)
