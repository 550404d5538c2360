"""Opening and reading the files of a corpus: regular files only, within the documented limits.

Every reader of the package goes through this module. A file is first looked at with ``stat``
(a device is never opened: opening one can have effects), then opened with ``O_NONBLOCK`` (a
FIFO never makes the open wait for a writer) and measured again with ``fstat`` on the open
descriptor before a byte is read. A FIFO, a character or block device, a socket or a folder is
refused, and so is a file over the size limit (:data:`communique.jsonio.MAX_FILE_BYTES` unless
the caller names another), without reading it; at most ``limit + 1`` bytes are ever read, so a
file that grows while it is read is refused too.

:func:`walk` lists the files under a folder. It follows symbolic links to folders, but never
round a loop: a link that leads back to a folder it lies in, or a chain of links that ends
nowhere, is reported once (E107) and not followed.

Each refusal is a :class:`ReadRefused` carrying the finding code the validator reports:
E100 missing, E101 unreadable or not a regular file, E102 over the size limit, E107 a symbolic
link loop.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from . import jsonio
from .codes import finding, message
from .errors import CommuniqueError
from .report import Finding

CHUNK = 1 << 20
"""Bytes read at a time when a file is streamed (checksums)."""
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_MAX_LINKS = 64
"""Links followed when a chain of symbolic links is spelled out for a message."""

Node = Traversable | Path


class ReadRefused(CommuniqueError):
    """A file was not read. ``code`` is the finding code (E100, E101, E102 or E107), ``fields`` the
    fields of its message, ``reason`` the message (the code's template filled, naming the file) and
    ``cause`` what is wrong with the file, without its name ('it is a folder; expected a regular file')."""

    def __init__(self, code: str, cause: str, *, expected: str | None = None, found: str | None = None,
                 **fields: str) -> None:
        self.code, self.cause, self.fields = code, cause, fields
        self.expected, self.found = expected, found
        self.reason = message(code, **fields)
        super().__init__(self.reason)

    def finding(self, rel: str) -> Finding:
        """The refusal as a finding on the file ``rel`` of a corpus."""
        return finding(self.code, rel, "$", line=None, expected=self.expected, found=self.found, **self.fields)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _unreadable(name: str, reason: str, **kw: str) -> ReadRefused:
    return ReadRefused("E101", reason, name=name, reason=reason, **kw)


def _not_regular(name: str, mode: int) -> ReadRefused:
    kind = _kind(mode)
    return _unreadable(name, f"it is {kind}; expected a regular file", expected="a regular file", found=kind)


def _missing(name: str, why: str = "") -> ReadRefused:
    return ReadRefused("E100", f"it is missing{why}", kind="file", name=name, why=why, hint="")


def too_large(name: str, size: int | None, limit: int) -> ReadRefused:
    """The refusal of a file over ``limit`` bytes (``size`` None: found while reading it)."""
    what = f"it is {size} bytes, over" if size is not None else "it is larger than"
    hint = ": split the corpus into more document files" if name.endswith(".json") else ""
    reason = f"{what} the limit of {limit} bytes (communique.jsonio.MAX_FILE_BYTES){hint}"
    return ReadRefused("E102", reason, name=name, reason=reason)


def link_chain(path: str) -> list[str]:
    """The symbolic links ``path`` leads through, as written, up to the first repeat (a loop)."""
    chain: list[str] = []
    current = os.path.normpath(path)
    while current not in chain and len(chain) < _MAX_LINKS:
        chain.append(current)
        try:
            target = os.readlink(current)
        except OSError:
            break
        current = os.path.normpath(os.path.join(os.path.dirname(current), target))
    return chain


def _loop(name: str, path: str) -> ReadRefused:
    hops = [os.path.basename(p) for p in link_chain(path)]
    shown = " -> ".join([*hops[:6], "..."] if len(hops) > 6 else [*hops, hops[0]])
    return ReadRefused("E107", f"it is a symbolic link loop ({shown})", name=name, loop=shown)


def _refusal(name: str, path: str, exc: OSError | ValueError) -> ReadRefused:
    if isinstance(exc, FileNotFoundError):
        return _missing(name, " (a symbolic link to a missing file)" if os.path.islink(path) else "")
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return _loop(name, path)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)  # ValueError: a NUL byte
    return _unreadable(name, reason)


def stat_refusal(path: str | Path, name: str) -> ReadRefused | None:
    """Why ``path`` cannot even be looked at (missing, a symbolic link loop...); None when it can."""
    try:
        os.stat(path)
    except (OSError, ValueError) as exc:
        return _refusal(name, os.fspath(path), exc)
    return None


def open_regular(path: str | Path, name: str | None = None) -> tuple[int, os.stat_result]:
    """Open a regular file for reading; return its descriptor (the caller closes it) and ``fstat``.

    Raises :class:`ReadRefused` for anything else (missing, a folder, a FIFO, a device, a socket,
    a symbolic link loop, unreadable), without ever opening a device.
    """
    where = os.fspath(path)
    shown = where if name is None else name
    try:
        if not stat.S_ISREG(mode := os.stat(where).st_mode):
            raise _not_regular(shown, mode)
        fd = os.open(where, _FLAGS)
    except (OSError, ValueError) as exc:
        raise _refusal(shown, where, exc) from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise _refusal(shown, where, exc) from None
    if not stat.S_ISREG(info.st_mode):  # replaced between the two looks
        os.close(fd)
        raise _not_regular(shown, info.st_mode)
    return fd, info


def _cap(limit: int | None) -> int:
    return jsonio.MAX_FILE_BYTES if limit is None else limit


def read_file(path: str | Path, name: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``: at most ``limit`` (default
    :data:`communique.jsonio.MAX_FILE_BYTES`), measured before reading; :class:`ReadRefused` otherwise."""
    cap = _cap(limit)
    shown = os.fspath(path) if name is None else name
    fd, info = open_regular(path, shown)
    try:
        if info.st_size > cap:
            raise too_large(shown, info.st_size, cap)
        chunks: list[bytes] = []
        total = 0
        want = info.st_size + 1  # one buffer of the size fstat gave, plus a byte to see growth
        while block := os.read(fd, min(want, cap + 1 - total)):
            chunks.append(block)
            total += len(block)
            if total > cap:
                raise too_large(shown, None, cap)
            want = CHUNK
    except OSError as exc:
        raise _refusal(shown, os.fspath(path), exc) from None
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_node(node: Node, name: str, limit: int | None = None) -> bytes:
    """:func:`read_file` for a file on disk or a package resource (read with the same bound)."""
    if isinstance(node, Path):
        return read_file(node, name, limit)
    cap = _cap(limit)
    try:
        if not node.is_file():
            if node.is_dir():
                raise _unreadable(name, "it is a folder; expected a regular file", expected="a regular file",
                                  found="a folder")
            raise _missing(name)
        with node.open("rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise _unreadable(name, exc.strerror or str(exc)) from None
    if len(data) > cap:
        raise too_large(name, None, cap)
    return data


def _chunks(node: Node, name: str, limit: int | None) -> Iterator[bytes]:
    cap = _cap(limit)
    if not isinstance(node, Path):
        yield read_node(node, name, cap)
        return
    fd, info = open_regular(node, name)
    try:
        if info.st_size > cap:
            raise too_large(name, info.st_size, cap)
        total = 0
        while block := os.read(fd, min(CHUNK, cap + 1 - total)):
            total += len(block)
            if total > cap:
                raise too_large(name, None, cap)
            yield block
    except OSError as exc:
        raise _refusal(name, os.fspath(node), exc) from None
    finally:
        os.close(fd)


def sha256(node: Node, name: str, limit: int | None = None) -> tuple[str, int]:
    """The SHA-256 (hex) and size of a file, streamed in chunks: memory stays flat, and a file over
    ``limit`` is refused before it is read."""
    digest = hashlib.sha256()
    size = 0
    for block in _chunks(node, name, limit):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size


@dataclass
class Listing:
    """The regular files under a folder, and what was found there that is not one."""

    files: list[str] = field(default_factory=list)
    """Paths relative to the corpus directory, sorted."""
    refused: list[Finding] = field(default_factory=list)
    """Special files (E101), folders that cannot be listed (E101) and symbolic link loops (E107)."""


def walk(root: Node, top: str, *, hidden: bool = False) -> Listing:
    """The files under ``root/top`` (names starting with '.' left out unless ``hidden``).

    Symbolic links to folders are followed, except round a loop: a link back to a folder that
    holds it is one E107 finding per loop, however many ways lead into it.
    """
    listing = Listing()
    start = root / top
    if not isinstance(start, Path):
        _walk_resource(start, top, hidden, listing)
    else:
        _walk_path(start, top, hidden, listing)
    listing.files.sort()
    return listing


def _walk_resource(node: Traversable, rel: str, hidden: bool, listing: Listing) -> None:
    if not node.is_dir():
        return
    for child in node.iterdir():
        if child.name.startswith(".") and not hidden:
            continue
        if child.is_dir():
            _walk_resource(child, f"{rel}/{child.name}", hidden, listing)
        elif child.is_file():
            listing.files.append(f"{rel}/{child.name}")


def _walk_path(start: Path, top: str, hidden: bool, listing: Listing) -> None:
    try:
        info = os.stat(start)
    except FileNotFoundError:
        return
    except (OSError, ValueError) as exc:
        listing.refused.append(_refusal(top, os.fspath(start), exc).finding(top))
        return
    if not stat.S_ISDIR(info.st_mode):
        return
    reported: set[frozenset[object]] = set()
    stack: list[tuple[str, str, tuple[tuple[int, int], ...], tuple[str, ...]]] = [
        (top, os.fspath(start), ((info.st_dev, info.st_ino),), (top,))
    ]
    while stack:
        rel, path, ancestors, names_above = stack.pop()
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries)
        except OSError as exc:
            reason = f"the folder cannot be listed ({exc.strerror or exc})"
            listing.refused.append(finding("E101", rel, "$", name=rel, reason=reason))
            continue
        for name in names:
            if name.startswith(".") and not hidden:
                continue
            child_rel, child = f"{rel}/{name}", os.path.join(path, name)
            try:
                child_info = os.stat(child)
            except FileNotFoundError:
                continue  # a symbolic link to nothing: no file to list
            except (OSError, ValueError) as exc:
                refusal = _refusal(child_rel, child, exc)
                key = frozenset(link_chain(child)) if refusal.code == "E107" else frozenset([child_rel])
                if key not in reported:
                    reported.add(key)
                    listing.refused.append(refusal.finding(child_rel))
                continue
            mode = child_info.st_mode
            if stat.S_ISREG(mode):
                listing.files.append(child_rel)
            elif stat.S_ISDIR(mode):
                here = (child_info.st_dev, child_info.st_ino)
                if here in ancestors:
                    at = ancestors.index(here)
                    cycle = frozenset(ancestors[at:])
                    if cycle not in reported:
                        reported.add(cycle)
                        loop = f"it leads back to {names_above[at]}, a folder that holds it"
                        listing.refused.append(finding("E107", child_rel, "$", name=child_rel, loop=loop))
                    continue
                stack.append((child_rel, child, (*ancestors, here), (*names_above, child_rel)))
            else:
                listing.refused.append(_not_regular(child_rel, mode).finding(child_rel))
