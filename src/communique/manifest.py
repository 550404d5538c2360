"""MANIFEST.json: the checksum, size and record counts of every shipped data and seed file.

The manifest sits at the top of the corpus directory (beside ``data/`` and ``seeds/``; in the
repository that is ``MANIFEST.json`` at the root). It lists every file under ``data/`` and
``seeds/`` (dot files aside) with its SHA-256, its size in bytes and, for data files, how many
records it holds. ``communique manifest --write`` regenerates it after an intended change;
:func:`communique.load` and ``communique validate`` check every file against it and report a
difference as E106 (checksum-mismatch) naming the file and both hashes. A corpus directory
without a manifest is not checked.
"""

from __future__ import annotations

import hashlib
import os
import shlex
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from . import jsonio, reads, writes
from .codes import finding
from .errors import CommuniqueError, CorpusInvalidError
from .layout import CORPUS_FILE, DATA_DIR, SEEDS_DIR
from .layout import MANIFEST_FILE as MANIFEST_FILE  # re-exported: part of this module's interface
from .report import Finding, Report

MANIFEST_FORMAT = 1
"""Version of the manifest's own layout."""
SHIPPED_DIRS = (DATA_DIR, SEEDS_DIR)
COUNTED_LISTS = ("actors", "mentions", "events", "statements")

Root = Traversable | Path


@dataclass(frozen=True)
class Entry:
    """One shipped file as recorded in the manifest."""

    path: str
    sha256: str
    bytes: int
    records: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "sha256": self.sha256, "bytes": self.bytes}
        if self.records:
            out["records"] = dict(sorted(self.records.items()))
        return out


def listing(root: Root) -> reads.Listing:
    """The files under data/ and seeds/, and what there is no file to record (special files,
    symbolic link loops), from :func:`communique.reads.walk`."""
    found = reads.Listing()
    for top in SHIPPED_DIRS:
        part = reads.walk(root, top)
        found.files.extend(part.files)
        found.refused.extend(part.refused)
    found.files.sort()
    return found


def shipped_files(root: Root) -> list[str]:
    """Relative paths of every regular file under data/ and seeds/, sorted."""
    return listing(root).files


def _node(root: Root, rel: str) -> Root:
    node: Root = root
    for part in rel.split("/"):
        node = node / part
    return node


def _read(root: Root, rel: str) -> bytes:
    return reads.read_node(_node(root, rel), rel)


def record_counts(rel: str, data: bytes) -> dict[str, int]:
    """How many records a data file holds (documents: 1 document plus its annotations)."""
    if not rel.endswith(".json"):
        return {}
    try:
        raw = jsonio.loads(data)
    except jsonio.JsonReadError:
        return {}
    if not isinstance(raw, dict):
        return {}
    counts = {key: len(raw[key]) for key in COUNTED_LISTS if isinstance(raw.get(key), list)}
    if isinstance(raw.get("document"), dict):
        counts["documents"] = 1
    return counts


def entry(rel: str, data: bytes) -> Entry:
    return Entry(rel, hashlib.sha256(data).hexdigest(), len(data), record_counts(rel, data))


def _entry(root: Root, rel: str) -> Entry:
    """A data file is read whole (bounded) to count its records; a seed is streamed through the hash."""
    if rel.endswith(".json"):
        return entry(rel, _read(root, rel))
    digest, size = reads.sha256(_node(root, rel), rel)
    return Entry(rel, digest, size, {})


def compute(root: Root) -> dict[str, Any]:
    """The manifest of the corpus at ``root`` as it is now (deterministic: no timestamps).

    Raises :class:`communique.reads.ReadRefused` for a file that cannot be read.
    """
    entries = [_entry(root, rel) for rel in shipped_files(root)]
    totals: dict[str, int] = {}
    for e in entries:
        for key, n in e.records.items():
            totals[key] = totals.get(key, 0) + n
    info: dict[str, Any] = {}
    try:
        raw = jsonio.loads(_read(root, CORPUS_FILE))
        if isinstance(raw, dict):
            info = raw
    except (reads.ReadRefused, jsonio.JsonReadError):
        pass
    return {
        "manifest_format": MANIFEST_FORMAT,
        "dataset_version": info.get("version"),
        "schema_version": info.get("schema_version"),
        "totals": dict(sorted(totals.items())),
        "files": [e.to_dict() for e in entries],
    }


def render(root: Root) -> str:
    """The manifest file's text."""
    return jsonio.dumps(compute(root))


def refusals(root: Path) -> Report:
    """What stops a manifest from being written for the corpus at ``root``: every error of
    :func:`communique.validate` (the manifest itself aside) and every file under data/ or seeds/
    that cannot be recorded (a FIFO, a device, a symbolic link loop). Empty when it may be written."""
    from .validation import default_jobs, validate

    report = validate(root, verify=False, jobs=default_jobs())
    report.extend(listing(root).refused)
    return Report(report.root, report.errors).sorted()


def write(root: Path) -> Path:
    """Regenerate ``root/MANIFEST.json`` atomically; return its path.

    A manifest vouches for the corpus: it is written only for a corpus that validates. Raises
    :class:`~communique.errors.CorpusInvalidError` with the findings otherwise (nothing is written).
    """
    refused = refusals(root)
    if not refused.ok:
        raise CorpusInvalidError(refused)
    target = root / MANIFEST_FILE
    writes.write_file(target, render(root))
    return target


class ManifestError(CommuniqueError):
    """MANIFEST.json itself is unreadable or malformed."""


def _recorded(root: Root) -> dict[str, dict[str, Any]] | None:
    node = root / MANIFEST_FILE
    if not node.is_file() and not (isinstance(node, Path) and os.path.lexists(node)):
        return None  # no manifest; one that is a FIFO, a device or a loop is refused by the read
    raw = jsonio.loads(reads.read_node(node, MANIFEST_FILE))  # size checked before reading
    files = raw.get("files") if isinstance(raw, dict) else None
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("sha256"), str) for f in files
    ):
        raise ManifestError("it has no 'files' list of {path, sha256, bytes} objects")
    return {f["path"]: f for f in files}


def verify(root: Root) -> list[Finding]:
    """Compare every shipped file with MANIFEST.json; [] when they agree or there is no manifest."""
    try:
        recorded = _recorded(root)
    except jsonio.JsonReadError as exc:
        return [finding("E102", MANIFEST_FILE, "$", line=exc.line, name=MANIFEST_FILE, reason=exc.message)]
    except ManifestError as exc:
        return [finding("E102", MANIFEST_FILE, "$", name=MANIFEST_FILE, reason=str(exc))]
    except reads.ReadRefused as exc:
        return [exc.finding(MANIFEST_FILE)]
    if recorded is None:
        return []
    where = "" if not isinstance(root, Path) else f" {shlex.quote(str(root))}"
    hint = f"; if the change is intended, run `communique manifest{where} --write` (or pass --no-verify)"
    unlisted, listed = f"a file {MANIFEST_FILE} does not list", f"only the files {MANIFEST_FILE} lists"
    found = listing(root)
    findings: list[Finding] = list(found.refused)
    present = found.files
    for rel in present:
        want = recorded.get(rel)
        if want is None:
            findings.append(finding("E106", rel, "$", expected=listed, found=unlisted, name=rel, actual=unlisted,
                                    recorded=listed, hint=hint))
            continue
        try:
            actual, size = reads.sha256(_node(root, rel), rel)  # streamed: memory stays flat
        except reads.ReadRefused as exc:
            findings.append(exc.finding(rel))
            continue
        if actual != want["sha256"]:
            findings.append(finding("E106", rel, "$", expected=want["sha256"], found=actual, name=rel,
                                    actual=f"sha256 {actual} ({size} bytes)",
                                    recorded=f"sha256 {want['sha256']} ({want.get('bytes')} bytes)", hint=hint))
    for rel in sorted(set(recorded) - set(present)):
        findings.append(finding("E100", rel, "$", kind="file", name=rel, why=f" (recorded in {MANIFEST_FILE})",
                                hint=hint))
    return findings
