"""Reading the files of a corpus directory: the one function every file of a corpus is read through.

:func:`read_bytes` gives a file's bytes or the finding :mod:`communique.reads` refuses it with;
:func:`read_seed` a seed's text (E101 when it is not UTF-8); :func:`document_names` lists the
document files (E100, E101, E105). The findings of reading are built here only (E102 for a file
that is not strict JSON too, :func:`invalid_json`). The layout itself (paths, what a corpus
directory is) lives in :mod:`communique.layout`.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path

from . import jsonio, reads
from .codes import finding
from .errors import UnsafePathError
from .layout import DATA_DIR, DOCUMENTS_DIR, SEEDS_DIR, child
from .paths import is_plain_id, split_name
from .report import Finding, Report

CODES = ("E100", "E101", "E102", "E105")


def invalid_json(rel: str, exc: jsonio.JsonReadError) -> Finding:
    """E102 for a file that is not strict JSON (or over the limits)."""
    return finding("E102", rel, "$", line=exc.line, name=rel, reason=exc.message)


def no_corpus() -> Finding:
    """E100 for a folder without data/."""
    why = f" (a corpus directory is laid out like the repository: {DATA_DIR}/, {SEEDS_DIR}/)"
    return finding("E100", DATA_DIR, "$", kind="folder", name=f"{DATA_DIR}/", why=why, hint="")


def name_mismatch(rel: str, doc_id: str, stem: str) -> Finding:
    """E105 for a document file whose name is not its document id."""
    return finding("E105", rel, "$.document.id", record=doc_id, expected=stem, found=doc_id,
                   name=rel.rsplit("/", 1)[-1], subject=f"its document id {doc_id!r}",
                   wanted=f"document id {stem!r}, or the file named {doc_id}.json")


def read_bytes(root: Traversable | Path, rel: str, report: Report) -> bytes | None:
    """The bytes of ``root/rel``, or None with the finding :mod:`communique.reads` gives: E100
    (missing), E101 (unreadable, a folder, a FIFO, a device), E102 (too large) or E107 (a symbolic
    link loop). A file over :data:`communique.jsonio.MAX_FILE_BYTES` is never read into memory.
    """
    try:
        return reads.read_node(child(root, rel), rel)
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
    folder = child(root, DOCUMENTS_DIR)
    try:
        if not folder.is_dir():
            refusal = reads.stat_refusal(folder, DOCUMENTS_DIR) if isinstance(folder, Path) else None
            if refusal is not None and refusal.code != "E100" and report is not None:
                report.add(refusal.finding(DOCUMENTS_DIR))
            return
        names = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        if report is not None:
            reason = f"the folder cannot be listed ({exc.strerror or exc})"
            report.add(finding("E101", DOCUMENTS_DIR, "$", name=DOCUMENTS_DIR, reason=reason))
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
                wanted = "'<document id>.json', the id of ASCII letters, digits, '_' or '-' (the file was not read)"
                report.add(finding("E105", f"{DOCUMENTS_DIR}/{_printable(name)}", "$", name=_printable(name),
                                   subject="a plain document id", wanted=wanted))
            continue
        yield f"{DOCUMENTS_DIR}/{name}"


def document_names(root: Traversable | Path, report: Report, unread: set[str]) -> list[str]:
    """The document files (see :func:`iter_document_names`); E100 when the folder is missing and
    nothing else was said about it. An empty folder is an empty corpus (``communique init``)."""
    names = list(iter_document_names(root, report, unread))
    if not names and not child(root, DOCUMENTS_DIR).is_dir():
        unread.add(DOCUMENTS_DIR)
        if not any(f.file.startswith(DOCUMENTS_DIR) for f in report.findings):
            report.add(finding("E100", DOCUMENTS_DIR, "$", kind="folder", name=f"{DOCUMENTS_DIR}/", why="", hint=""))
    return names


def read_seed(root: Traversable | Path, seed: str, report: Report) -> tuple[bytes, str] | None:
    """The bytes and the text of the seed file ``seed``, or None with a finding (E100, E101, E102)."""
    try:
        stem = split_name(seed, ".txt")
    except UnsafePathError as exc:  # the model's pattern already refuses these; kept as a second guard
        shown = f"{SEEDS_DIR}/{_printable(seed)}"
        report.add(finding("E101", shown, "$", name=shown, reason=str(exc)))
        return None
    rel = f"{SEEDS_DIR}/{stem}.txt"
    data = read_bytes(root, rel, report)
    if data is None:
        return None
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        reason = f"it is not UTF-8 (byte {exc.start}); expected UTF-8 text"
        report.add(finding("E101", rel, "$", line=line, expected="UTF-8 text", name=rel, reason=reason))
        return None


__all__ = [
    "document_names", "invalid_json", "iter_document_names", "name_mismatch", "no_corpus", "read_bytes", "read_seed",
]
