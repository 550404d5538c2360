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
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from . import jsonio, writes
from .errors import CommuniqueError
from .report import Finding

MANIFEST_FILE = "MANIFEST.json"
MANIFEST_FORMAT = 1
"""Version of the manifest's own layout."""
SHIPPED_DIRS = ("data", "seeds")
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


def _walk(node: Root, prefix: str) -> list[str]:
    found: list[str] = []
    for child in node.iterdir():
        if child.name.startswith("."):
            continue
        rel = f"{prefix}/{child.name}"
        if child.is_dir():
            found.extend(_walk(child, rel))
        elif child.is_file():
            found.append(rel)
    return found


def shipped_files(root: Root) -> list[str]:
    """Relative paths of every file under data/ and seeds/, sorted."""
    files: list[str] = []
    for top in SHIPPED_DIRS:
        node = root / top
        if node.is_dir():
            files.extend(_walk(node, top))
    return sorted(files)


def _read(root: Root, rel: str) -> bytes:
    node: Root = root
    for part in rel.split("/"):
        node = node / part
    return node.read_bytes()


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


def compute(root: Root) -> dict[str, Any]:
    """The manifest of the corpus at ``root`` as it is now (deterministic: no timestamps)."""
    entries = [entry(rel, _read(root, rel)) for rel in shipped_files(root)]
    totals: dict[str, int] = {}
    for e in entries:
        for key, n in e.records.items():
            totals[key] = totals.get(key, 0) + n
    info: dict[str, Any] = {}
    try:
        raw = jsonio.loads(_read(root, "data/corpus.json"))
        if isinstance(raw, dict):
            info = raw
    except (OSError, jsonio.JsonReadError):
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


def write(root: Path) -> Path:
    """Regenerate ``root/MANIFEST.json`` atomically; return its path."""
    target = root / MANIFEST_FILE
    writes.write_file(target, render(root))
    return target


class ManifestError(CommuniqueError):
    """MANIFEST.json itself is unreadable or malformed."""


def _recorded(root: Root) -> dict[str, dict[str, Any]] | None:
    node = root / MANIFEST_FILE
    if not node.is_file():
        return None
    if isinstance(node, Path):
        data = jsonio.read_path(node)  # size checked before reading
    else:
        with node.open("rb") as fh:
            data = jsonio.read_limited(fh)
    raw = jsonio.loads(data)
    files = raw.get("files") if isinstance(raw, dict) else None
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("sha256"), str) for f in files
    ):
        raise ManifestError(f"{MANIFEST_FILE} has no 'files' list of {{path, sha256, bytes}} objects")
    return {f["path"]: f for f in files}


def verify(root: Root) -> list[Finding]:
    """Compare every shipped file with MANIFEST.json; [] when they agree or there is no manifest."""
    try:
        recorded = _recorded(root)
    except (jsonio.JsonReadError, ManifestError) as exc:
        return [Finding(MANIFEST_FILE, "$", "E102", f"cannot read the manifest: {exc}")]
    except OSError as exc:
        return [Finding(MANIFEST_FILE, "$", "E101", f"cannot read the manifest: {exc.strerror or exc}")]
    if recorded is None:
        return []
    hint = "; if the change is intended, run `communique manifest --write`"
    findings: list[Finding] = []
    present = shipped_files(root)
    for rel in present:
        want = recorded.get(rel)
        if want is None:
            findings.append(Finding(rel, "$", "E106", f"{rel} is not recorded in {MANIFEST_FILE}{hint}"))
            continue
        try:
            data = _read(root, rel)
        except OSError as exc:
            findings.append(Finding(rel, "$", "E101", f"cannot read {rel}: {exc.strerror or exc}"))
            continue
        actual = hashlib.sha256(data).hexdigest()
        if actual != want["sha256"]:
            findings.append(
                Finding(
                    rel,
                    "$",
                    "E106",
                    f"{rel} has sha256 {actual} ({len(data)} bytes) but {MANIFEST_FILE} records "
                    f"{want['sha256']} ({want.get('bytes')} bytes){hint}",
                    expected=want["sha256"],
                    found=actual,
                )
            )
    for rel in sorted(set(recorded) - set(present)):
        findings.append(Finding(rel, "$", "E100", f"{rel} is recorded in {MANIFEST_FILE} but missing{hint}"))
    return findings
