"""What an output folder holds, and whether the package may replace it (read-only: writes are in :mod:`.writes`).

Every output folder the package writes (a release, a predicted corpus, a generated corpus)
carries the marker file :data:`MARKER`: a first line naming the command and the package that
wrote it, then one line per folder (``["d", path]``) and file (``["f", path, bytes, sha256]``)::

    {"communique_output": 1, "command": "build", "written_by": "communique 0.1.0"}
    ["d", "actors"]
    ["f", "README.md", 5321, "9f86d08..."]

:func:`check_output` allows a non-empty folder to be replaced only when its marker names the same
command and everything in it is listed there, unchanged: a clone with a ``.git/``, a user's own
file or an edited file makes it the user's again. The marker holds no time stamps, so the same
build gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from . import layout
from ._version import __version__
from .errors import OutputError

MARKER = ".communique-output"
"""The marker file of every output folder the package writes."""
MARKER_FORMAT = 1
_MAX_MARKER_BYTES = 256 * 1024 * 1024

Entries = dict[str, tuple[int, str] | None]
"""Marker entries: relative path -> (bytes, sha256) for a file, None for a folder."""


def lstat(path: Path) -> os.stat_result | None:
    """``os.lstat(path)``, None when nothing is there."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def describe(path: Path, st: os.stat_result) -> str:
    """What ``path`` is, for a message: 'a symbolic link (to ...)', 'a FIFO', 'a folder'..."""
    if stat.S_ISLNK(st.st_mode):
        return f"a symbolic link (to {os.readlink(path)})"
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((text for test, text in kinds if test(st.st_mode)), "not a regular file")


def is_empty(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return next(entries, None) is None


def walk(top: Path, rel: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every entry under ``top`` (relative POSIX path, entry), sorted, never following a symbolic link."""
    with os.scandir(top / rel if rel else top) as entries:
        items = sorted(entries, key=lambda e: e.name)
    for entry in items:
        name = f"{rel}/{entry.name}" if rel else entry.name
        yield name, entry
        if entry.is_dir(follow_symlinks=False):
            yield from walk(top, name)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def marker_text(folder: Path, command: str) -> str:
    """The marker for ``folder`` as it is now, written by ``command``."""
    head = {"communique_output": MARKER_FORMAT, "command": command, "written_by": f"communique {__version__}"}
    lines = [json.dumps(head)]
    for rel, entry in walk(folder):
        if entry.is_dir(follow_symlinks=False):
            lines.append(json.dumps(["d", rel]))
        elif rel != MARKER:
            lines.append(json.dumps(["f", rel, entry.stat(follow_symlinks=False).st_size, sha256(folder / rel)]))
    return "\n".join(lines) + "\n"


def read_marker(folder: Path) -> tuple[str, Entries] | None:
    """The command and entries recorded in ``folder``'s marker; None when there is none or it is damaged."""
    path = folder / MARKER
    st = lstat(path)
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_MARKER_BYTES:
        return None
    try:
        head, *rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        if not isinstance(head, dict) or head.get("communique_output") != MARKER_FORMAT:
            return None
        entries: Entries = {}
        for row in rows:
            entries[str(row[1])] = None if row[0] == "d" else (int(row[2]), str(row[3]))
        return str(head["command"]), entries
    except (ValueError, LookupError, TypeError, OSError):
        return None


def foreign(folder: Path, entries: Entries, *, hashes: bool = True) -> str | None:
    """What in ``folder`` its marker does not vouch for, for a message; None when all is as written.

    ``hashes=False`` compares names, kinds and sizes only (a quick second look)."""
    for rel, entry in walk(folder):
        if rel == MARKER:
            continue
        st = entry.stat(follow_symlinks=False)
        if rel not in entries:
            return f"it holds {rel}, which communique did not write there"
        expected = entries[rel]
        if stat.S_ISDIR(st.st_mode) and expected is None:
            continue
        if not stat.S_ISREG(st.st_mode) or expected is None:
            return f"{rel} is {describe(folder / rel, st)}, not what communique wrote there"
        if st.st_size != expected[0] or (hashes and sha256(folder / rel) != expected[1]):
            return f"{rel} was changed since communique wrote it"
    return None


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _read_parts(source: Path) -> list[str]:
    """What a command reads of its input: a corpus's data/ and seeds/, or all of another input folder."""
    real = os.path.realpath(source)
    if layout.is_corpus_dir(Path(real)):
        return [os.path.join(real, layout.DATA_DIR), os.path.join(real, layout.SEEDS_DIR)]
    return [real]


def check_output(target: Path, command: str, *, replace: bool = True, source: Path | None = None) -> None:
    """Raise :class:`OutputError` unless the folder ``target`` may receive the output of ``command``.

    It may when it is absent or empty, or when it is an earlier output of the same command, unchanged
    (and ``replace``). Never a symbolic link or a file, the current folder, one holding ``source`` or
    one inside it.
    """
    target = Path(os.path.abspath(target))
    st = lstat(target)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        what = describe(target, st) if stat.S_ISLNK(st.st_mode) else "it exists and is not a folder"
        raise OutputError(f"cannot write to {target}: {what}; give the path of a new or empty folder")
    real = os.path.realpath(target)
    if _within(os.getcwd(), real):
        raise OutputError(f"refusing to replace {target}: it holds the current folder")
    if source is not None and _within(os.path.realpath(source), real):
        raise OutputError(f"refusing to replace {target}: it holds the input corpus {source}; give another folder")
    if source is not None and any(_within(real, inside) for inside in _read_parts(Path(source))):
        raise OutputError(
            f"refusing to write {target}: it is inside what the command reads from {source}, which the output "
            "would change; give a folder outside it"
        )
    if st is None or is_empty(target):
        return
    marker = read_marker(target)
    if marker is None:
        raise OutputError(
            f"refusing to replace {target}: it is not empty and has no marker ({MARKER}), so communique did not "
            "write it; give a new or empty folder"
        )
    if marker[0] != command:
        raise OutputError(f"refusing to replace {target}: `communique {marker[0]}` wrote it, not `{command}`")
    if not replace:
        raise OutputError(
            f"{target} already exists (an earlier output of `communique {command}`); use --force to replace it"
        )
    problem = foreign(target, marker[1])
    if problem is not None:
        raise OutputError(f"refusing to replace {target}: {problem}; move it away or give another folder")
