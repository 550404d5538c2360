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
from .errors import UnsafePathError
from .layout import DATA_DIR, DOCUMENTS_DIR, EXPECTED, SEEDS_DIR, child
from .paths import is_plain_id, split_name
from .report import Finding, Report

CODES = ("E100", "E101", "E102", "E105")


def invalid_json(rel: str, exc: jsonio.JsonReadError) -> Finding:
    """E102 for a file that is not strict JSON (or over the limits)."""
    return Finding(rel, "$", "E102", exc.message, line=exc.line)


def no_corpus() -> Finding:
    """E100 for a folder without data/."""
    return Finding(DATA_DIR, "$", "E100", f"no {DATA_DIR}/ folder: {EXPECTED}")


def name_mismatch(rel: str, doc_id: str, stem: str) -> Finding:
    """E105 for a document file whose name is not its document id."""
    message = f"document id {doc_id!r} differs from the file name; expected {stem!r}"
    return Finding(rel, "$.document.id", "E105", message, record=doc_id)


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


def document_names(root: Traversable | Path, report: Report, unread: set[str]) -> list[str]:
    """The document files (see :func:`iter_document_names`); E100 when the folder is missing and
    nothing else was said about it. An empty folder is an empty corpus (``communique init``)."""
    names = list(iter_document_names(root, report, unread))
    if not names and not child(root, DOCUMENTS_DIR).is_dir():
        unread.add(DOCUMENTS_DIR)
        if not any(f.file.startswith(DOCUMENTS_DIR) for f in report.findings):
            report.add(Finding(DOCUMENTS_DIR, "$", "E100", f"no {DOCUMENTS_DIR}/ folder"))
    return names


def read_seed(root: Traversable | Path, seed: str, report: Report) -> tuple[bytes, str] | None:
    """The bytes and the text of the seed file ``seed``, or None with a finding (E100, E101, E102)."""
    try:
        stem = split_name(seed, ".txt")
    except UnsafePathError as exc:  # the model's pattern already refuses these; kept as a second guard
        report.add(Finding(f"{SEEDS_DIR}/{_printable(seed)}", "$", "E101", str(exc)))
        return None
    rel = f"{SEEDS_DIR}/{stem}.txt"
    data = read_bytes(root, rel, report)
    if data is None:
        return None
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(Finding(rel, "$", "E101", f"seed is not UTF-8 (byte {exc.start}); expected UTF-8 text", line=line))
        return None


__all__ = [
    "document_names", "invalid_json", "iter_document_names", "name_mismatch", "no_corpus", "read_bytes", "read_seed",
]
