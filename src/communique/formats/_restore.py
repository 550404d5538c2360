"""Rebuilding a corpus from an export: the sidecar with the spans the format's own files hold."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..codes import finding
from ..layout import SEEDS_DIR
from ..report import Report
from ._common import SIDECAR, SIDECAR_VERSION, Imported, Json, corpus_files, read_input, read_json, unreadable
from ._sidecar import resolve


def read_sidecar(src: Path, report: Report) -> Json | None:
    """The export's sidecar, or None with a finding when it is missing or not one."""
    path = src / SIDECAR
    if not path.is_file():
        return None
    data = read_json(path, src, report, SIDECAR)
    if not (isinstance(data, dict) and data.get("sidecar_version") == SIDECAR_VERSION
            and isinstance(data.get("documents"), list) and isinstance(data.get("corpus"), dict)
            and isinstance(data.get("actors"), list)):
        if data is not None:
            layout = f"sidecar_version {SIDECAR_VERSION}, corpus, actors and documents"
            report.add(finding("E501", SIDECAR, "$", expected=layout, found=type(data).__name__,
                               problem=f"the file is not a sidecar of version {SIDECAR_VERSION}", layout=layout))
        return None
    for i, entry in enumerate(data["documents"]):
        if not (isinstance(entry, dict) and isinstance(entry.get("file"), dict)
                and isinstance(entry["file"].get("document"), dict) and "id" in entry["file"]["document"]):
            report.add(finding("E501", SIDECAR, f"$.documents[{i}]", layout="a document entry with file.document.id",
                               problem="the document entry has no file.document.id"))
            return None
    return data


def missing_sidecar(src: Path, report: Report) -> Imported:
    """No corpus: the sidecar is missing (E500) or was reported unreadable."""
    if not (src / SIDECAR).is_file():
        unreadable(report, SIDECAR, "it is missing, and without it the format's files do not say which actor each "
                   f"mention names; expected {SIDECAR} beside the export", expected=f"{SIDECAR} beside the export")
    return Imported(report)


def seed_texts(src: Path, data: Json, report: Report, folder: str = SEEDS_DIR) -> dict[str, bytes]:
    """The seed bytes of every sidecar document, from the export's ``folder`` ('': the export itself)."""
    seeds: dict[str, bytes] = {}
    for entry in data["documents"]:
        seed = entry["file"]["document"].get("seed")
        path = src / folder / str(seed)
        if not isinstance(seed, str) or "/" in seed or not path.is_file():
            unreadable(report, f"{folder}/{seed}".lstrip("/"), "the document's text is missing from the export",
                       record=entry["file"]["document"]["id"])
            continue
        data_bytes = read_input(path, src, report, f"{folder}/{seed}".lstrip("/"))
        if data_bytes is not None:
            seeds[seed] = data_bytes
    return seeds


def restore(data: Json, spans: Callable[[str], Mapping[str, dict[str, Any]]], seeds: dict[str, bytes],
            report: Report, where: Callable[[str], str]) -> Imported:
    """The corpus files: each sidecar document with its ``$ref`` spans taken from ``spans(document id)``.

    An annotation of the format's files that no sidecar record refers to (one added in the tool
    after the export) is not imported, and is reported (W505) at ``where(document id)``, the file
    holding it, so that nothing the annotator added goes unseen.
    """
    documents = []
    for i, entry in enumerate(data["documents"]):
        doc_id = entry["file"]["document"]["id"]
        doc_spans, used = spans(doc_id), set[str]()
        file, findings = resolve(entry["file"], doc_spans, SIDECAR, f"$.documents[{i}].file", used)
        report.extend(findings)
        for ident in sorted(set(doc_spans) - used, key=lambda k: (doc_spans[k]["start"], k)):
            span = doc_spans[ident]
            report.add(finding("W505", where(doc_id), "$", record=ident, expected="an annotation of the export",
                               found=repr(ident), ident=ident, text=span["text"], start=span["start"],
                               end=span["end"], sidecar=SIDECAR))
        documents.append(file)
    return Imported(report, corpus_files(data, documents, seeds), len(documents))
