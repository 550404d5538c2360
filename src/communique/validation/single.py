"""One document file with its text, checked without a corpus folder (``communique validate FILE.json
--text SEED.txt``, :func:`validate_document`).

The file and the text are placed in a temporary corpus of their own (written through
:mod:`communique.writes`, removed afterwards) and run through the one engine, so every rule is
the same as in a corpus. Only the references to actors cannot be resolved without an actors
file: those findings (E202 on an ``.actor`` path) are left out and counted in
:attr:`Single.skipped_actor_references`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .. import jsonio, reads, writes
from ..layout import ACTORS_FILE, CORPUS_FILE, document_file, seed_file
from ..models import SCHEMA_VERSION
from ..paths import is_plain_id
from ..report import Finding, Report
from .driver import run
from .selection import Selection

SKIPPED = "E202"
"""The code of the actor references that a document alone cannot resolve."""


@dataclass(frozen=True)
class Single:
    """What :func:`validate_document` found, and what it could not check."""

    report: Report
    skipped_actor_references: int


def _names(data: bytes, path: Path) -> tuple[str, str]:
    """The document id and seed name the file gives (its own name when it gives none)."""
    doc_id, seed = path.stem, f"{path.stem}.txt"
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError:
        return doc_id, seed
    document = raw.get("document") if isinstance(raw, dict) else None
    if isinstance(document, dict):
        if isinstance(document.get("id"), str) and is_plain_id(document["id"]):
            doc_id = document["id"]
        if isinstance(document.get("seed"), str) and is_plain_id(document["seed"].removesuffix(".txt")):
            seed = document["seed"]
    return doc_id, seed


def check_document(path: str | Path, text_path: str | Path, *, selection: Selection | None = None) -> Single:
    """Validate the document file at ``path`` against its source text at ``text_path``."""
    path, text_path = Path(path), Path(text_path)
    data = reads.read_file(path, str(path))
    text = reads.read_file(text_path, str(text_path))
    doc_id, seed = _names(data, path)
    info = {"schema_version": SCHEMA_VERSION, "name": "single document", "version": "0.0.0",
            "guidelines_version": "0.0.0", "license": "unknown"}
    with writes.scratch_folder("communique-document-") as tmp:
        root = tmp / "corpus"
        writes.create_files([
            (root / CORPUS_FILE, jsonio.dumps(info)),
            (root / ACTORS_FILE, jsonio.dumps({"schema_version": SCHEMA_VERSION, "actors": []})),
            (root / document_file(doc_id), data),
            (root / seed_file(seed), text),
        ])
        found = run(root, jobs=1, verify=False, selection=selection or Selection()).report
    names = {document_file(doc_id): str(path), seed_file(seed): str(text_path)}
    kept: list[Finding] = []
    skipped = 0
    for f in found.findings:
        if f.code == SKIPPED and f.path.endswith(".actor"):
            skipped += 1
            continue
        if f.file in names:
            f = replace(f, file=names[f.file])
        kept.append(f)
    return Single(Report(str(path), kept).sorted(), skipped)


def validate_document(path: str | Path, text_path: str | Path) -> Report:
    """Validate one document file with its source text, without a corpus folder.

    Every rule of :func:`communique.validate` runs, except the resolution of actor ids (there is
    no actors file to resolve them in). Returns the report; ``report.ok`` says whether it is valid.
    """
    return check_document(path, text_path).report
