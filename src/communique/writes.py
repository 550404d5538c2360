"""Every write of the package, files and folders: whole or not at all, never over what it did not write.

Files (:func:`write_file`, :func:`create_files`)
    A file is written to a temporary file beside it (``.NAME.communique-tmp``, created
    exclusively, never through a symbolic link), flushed to disk and renamed over the target. The
    target must be absent or a regular file: a symbolic link, folder, FIFO, device or socket is
    refused, never replaced or written through. A replaced file keeps its mode (and owner where
    permitted); a new file or folder gets what ``open``/``mkdir`` give (0o666/0o777 less the umask).

Folders (:func:`write_folder`)
    A release, a predicted corpus or a generated corpus is filled in a temporary folder beside the
    target (``.NAME.communique-new-XXXXXXXX``); the marker file :data:`MARKER` is written last into
    it, listing the command that wrote it and every file with its size and SHA-256. An existing
    target is replaced only when it is an empty folder, or when it holds nothing but what its
    marker lists, unchanged, written by the same command (and ``--force`` where the command asks
    for it). A symbolic link, a file, the current folder or a folder holding the input corpus is
    never replaced. Nothing is ever recognised by the presence of a corpus or release file.

Swap protocol (a kill at any instant leaves the old or the new content whole at the target)
    1. The writer makes the temporary folder N and holds an exclusive ``flock`` on it while it
       lives; the kernel releases it when the process dies, which is how a later run tells what a
       killed write left from a write in progress (never touched).
    2. N is filled, marked and synced to disk. A kill here leaves the target as it was.
    3. Absent or empty target: ``rename(N, target)``, one atomic step. Otherwise
       ``renameat2(N, target, RENAME_EXCHANGE)`` swaps the two folders in one atomic step: the
       target holds the new content and N the previous one, which is then removed.
    4. Where the system has no exchange (not Linux, or a file system without it), the target is
       locked and renamed to ``.NAME.communique-old-XXXXXXXX``, N renamed to the target, the old
       folder removed. Between the two renames the target name is absent, but the old content is
       whole under the old name, and the next run puts it back before anything else.
    5. Every folder write starts by recovering what a killed write left beside its target: an old
       folder is renamed back when the target is absent, any other leftover is removed, each with
       a message (logger ``communique``). Leftovers of the previous release writer (``.NAME.old-*``,
       ``.NAME.tmp-*``, no marker) are put back when the target is absent, otherwise only reported.

    A kill while the previous content is being removed (after step 3 or 4) leaves the new folder
    in place and a part of the old one beside it, which the next run removes. Files are flushed
    before the swap, so a power cut also leaves one whole folder (as far as the disk keeps its word).

A temporary file a killed write left is removed by the next write of the same file, and by
:func:`tidy`, which a command calls once for each folder it writes into. Tests stop a writer
between steps by replacing :func:`_step`.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

from .errors import OutputError
from .outputs import MARKER, check_output, describe, foreign, is_empty, lstat, marker_text, read_marker, walk

_TAG = "communique"
_FILE_TEMP = re.compile(r"^\..+\.communique-tmp(-[0-9a-f]{8})?$")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)

_log = logging.getLogger("communique")
_live: dict[str, int] = {}
"""The temporary folders this process is filling (real path -> locked descriptor)."""


def _step(name: str) -> None:
    """A point between two steps of a write (a no-op); tests replace it to stop the writer there."""


def _notify(message: str) -> None:
    _log.warning(message)


def _temp_name(name: str, kind: str) -> str:
    return f".{name}.{_TAG}-{kind}-{secrets.token_hex(4)}"


def _lock(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` without waiting; False when a live process holds it."""
    if sys.platform == "win32":  # no flock: a leftover is anything the name marks
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _existing_file(path: Path) -> os.stat_result | None:
    """The stat of ``path`` when it is a regular file, None when absent; OutputError otherwise."""
    st = lstat(path)
    if st is None or stat.S_ISREG(st.st_mode):
        return st
    raise OutputError(
        f"refusing to write {path}: it is {describe(path, st)}, not a regular file; "
        "give the path of a new or regular file"
    )


def make_folder(folder: Path) -> Path:
    """``folder``, created with any missing parents (``mkdir -p``: 0o777 less the umask)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)
        raise OutputError(f"cannot write to {folder}: {blocker} is not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    return folder


def _in_live_folder(folder: Path) -> bool:
    real = os.path.realpath(folder)
    return any(real == top or real.startswith(top + os.sep) for top in _live)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


def _open_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new temporary file for ``name`` in ``folder``, created exclusively and locked while written.

    Its name is ``.NAME.communique-tmp``, so the next write of the same file finds what a killed
    write left without listing the folder; a second writer of the same file at once gets a name
    with a random suffix instead."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
    tmp = folder / f".{name}.{_TAG}-tmp"
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileExistsError:
        if not _remove_if_dead(tmp):
            tmp = folder / _temp_name(name, "tmp")
        fd = os.open(tmp, flags, 0o666)
    _lock(fd)
    return fd, tmp


def _remove_if_dead(path: Path) -> bool:
    """Remove the temporary file ``path`` when no live writer holds it; whether it is gone."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _NOFOLLOW | _CLOEXEC)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode) or not _lock(fd):
            return False
        os.unlink(path)
    finally:
        os.close(fd)
    _notify(f"removed {path}: the temporary file of an interrupted earlier write")
    return True


def _unlink_quiet(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX); a no-op where folders cannot be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY | _DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder; the rename is done either way
        pass
    finally:
        os.close(fd)


def tidy(folder: Path) -> None:
    """Remove every temporary file killed writes left in ``folder`` (a command calls it once per folder)."""
    try:
        names = sorted(n for n in os.listdir(folder) if _FILE_TEMP.match(n))
    except OSError:
        return
    for name in names:
        _remove_if_dead(folder / name)


def write_file(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` whole or not at all: temporary file, flush, rename (see the module doc)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    folder = make_folder(path.parent)
    old = _existing_file(path)
    inside = _in_live_folder(folder)
    fd, tmp = _open_temp(folder, path.name)
    try:
        if old is not None:
            os.fchmod(fd, stat.S_IMODE(old.st_mode))
            with contextlib.suppress(OSError):  # only root may give a file away; the mode is kept either way
                os.fchown(fd, old.st_uid, old.st_gid)
        _write_all(fd, payload)
        if not inside:  # a folder being filled is synced as a whole before it is swapped in
            os.fsync(fd)
        _step("file-written")
        _existing_file(path)  # checked again: nothing else may have taken the name meanwhile
        os.rename(tmp, path)
    except BaseException:
        _unlink_quiet(tmp)
        raise
    finally:
        os.close(fd)
    if not inside:
        _fsync_dir(folder)


def _same_bytes(path: Path, payload: bytes) -> bool:
    if os.lstat(path).st_size != len(payload):
        return False
    with open(path, "rb") as fh:
        return fh.read(len(payload) + 1) == payload


def _move_new(src: Path, dst: Path) -> None:
    """Rename ``src`` to ``dst``, failing (FileExistsError) rather than replacing anything at ``dst``."""
    if _renameat2(src, dst, _RENAME_NOREPLACE):
        return
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError:  # no hard links here: check, then rename (a narrow race instead of none)
        if lstat(dst) is not None:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


def create_files(files: Sequence[tuple[Path, bytes | str]]) -> None:
    """Create new files all or none, in the order given; a failure removes the ones created.

    A file already there with exactly the bytes to write counts as written (an interrupted
    earlier call left it, so a retry completes it); any other existing file is refused.
    """
    plan: list[tuple[Path, bytes]] = []
    for path, data in files:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        make_folder(path.parent)
        if _existing_file(path) is not None:
            if _same_bytes(path, payload):
                continue
            raise OutputError(f"refusing to replace {path}: it already exists and holds other content")
        plan.append((path, payload))
    temps: list[tuple[int, Path]] = []
    created: list[Path] = []
    try:
        for path, payload in plan:
            temps.append(_open_temp(path.parent, path.name))
            _write_all(temps[-1][0], payload)
            os.fsync(temps[-1][0])
        _step("files-written")
        for (path, _), (_, tmp) in zip(plan, temps, strict=True):
            _move_new(tmp, path)
            created.append(path)
            _fsync_dir(path.parent)
            _step("file-created")
    except BaseException:
        for path in created:
            _unlink_quiet(path)
        for _, tmp in temps:
            _unlink_quiet(tmp)
        raise
    finally:
        for fd, _ in temps:
            os.close(fd)


def open_new(path: Path) -> IO[bytes]:
    """A new file at ``path`` opened for writing; FileExistsError when anything is there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o666)
    return os.fdopen(fd, "wb")


def claim(path: Path) -> Path:
    """Create ``path`` as a new empty file (nothing there before) for a writer that opens it by name."""
    open_new(path).close()
    return path


def rename_new(src: Path, dst: Path) -> None:
    """Rename a file this process wrote to a name where nothing is (never replaces)."""
    _move_new(src, dst)


# -- folders ------------------------------------------------------------------------------------

_RENAME_NOREPLACE, _RENAME_EXCHANGE = 1, 2


@cache
def _libc_renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def _renameat2(src: Path, dst: Path, flags: int) -> bool:
    """``renameat2(2)`` with ``flags``; False when the system or the file system does not offer it."""
    function = _libc_renameat2()
    if function is None:
        return False
    import ctypes

    if function(-100, os.fsencode(src), -100, os.fsencode(dst), flags) == 0:  # -100: AT_FDCWD
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(src), None, str(dst))


def _sync_tree(folder: Path) -> None:
    """Flush every file under ``folder`` to disk: one syncfs where the system has it, else fsync each."""
    import ctypes

    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None) if sys.platform.startswith("linux") else None
    fd = os.open(folder, os.O_RDONLY | _DIRECTORY)
    try:
        if syncfs is not None and syncfs(fd) == 0:
            return
    finally:
        os.close(fd)
    for rel, entry in walk(folder):
        if entry.is_file(follow_symlinks=False):
            with open(folder / rel, "rb") as fh:
                os.fsync(fh.fileno())


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _leftovers(target: Path) -> list[Path]:
    prefix = f".{target.name}."
    names = sorted(n for n in os.listdir(target.parent) if n.startswith(prefix))
    return [target.parent / n for n in names if re.fullmatch(r"(communique-(new|old)|old|tmp)-.+", n[len(prefix) :])]


def _recover(target: Path) -> None:
    """Undo what killed writes left beside ``target`` (see step 5 of the protocol)."""
    found = _leftovers(target)
    found.sort(key=lambda p: ".old-" not in p.name and "-old-" not in p.name)  # put back before removing
    for path in found:
        if not path.is_dir() or path.is_symlink():
            continue
        fd = os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
        try:
            if not _lock(fd):
                continue  # a write in progress
            old = "old-" in path.name[len(target.name) + 2 :]
            if old and lstat(target) is None:
                os.rename(path, target)
                _notify(f"put {target} back from {path.name}: an earlier write was interrupted while swapping it")
            elif ".communique-" in path.name:
                _remove_tree(path)
                _notify(f"removed {path}: the temporary folder of an interrupted earlier write")
            else:
                _notify(f"left {path} alone: an interrupted write of an earlier version left it; remove it")
        finally:
            os.close(fd)


def _discard(previous: Path, target: Path) -> None:
    """Remove the previous content once the new one is in place, unless it changed meanwhile."""
    marker = read_marker(previous)
    if marker is not None and foreign(previous, marker[1], hashes=False) is not None:
        _notify(f"kept the previous content of {target} at {previous}: it changed during the write")
        return
    _remove_tree(previous)
    _step("removed")


def _swap(tmp: Path, target: Path) -> None:
    st = lstat(target)
    if st is None or is_empty(target):
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.rename(tmp, target)  # atomic, also over an empty folder
        _step("renamed")
        _fsync_dir(target.parent)
        return
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    if _renameat2(tmp, target, _RENAME_EXCHANGE):
        _step("exchanged")
        _fsync_dir(target.parent)
        _discard(tmp, target)
        return
    fd = os.open(target, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC)
    try:
        _lock(fd)  # the old folder stays locked (a live write) under its temporary name
        old = target.with_name(_temp_name(target.name, "old"))
        os.rename(target, old)
        _step("moved-aside")
        try:
            os.rename(tmp, target)
        except BaseException:
            os.rename(old, target)
            raise
        _step("renamed-in")
        _fsync_dir(target.parent)
        _discard(old, target)
    finally:
        os.close(fd)


@contextlib.contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    """A new private temporary folder (mode 0o700, in the system's temporary place) that holds only
    what the package writes into it, removed with its content on exit."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        yield Path(tmp)


def write_folder(
    target: Path, fill: Callable[[Path], None], *, command: str, replace: bool = True, source: Path | None = None
) -> None:
    """Call ``fill(tmp)`` on a new temporary folder, mark it, and swap it into ``target`` (module doc)."""
    target = Path(os.path.abspath(target))
    parent = make_folder(target.parent)
    _recover(target)
    check_output(target, command, replace=replace, source=source)
    tmp = parent / _temp_name(target.name, "new")
    try:
        os.mkdir(tmp, 0o777)
        fd = os.open(tmp, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except OSError as exc:
        raise OutputError(f"cannot write in {parent}: {exc.strerror or exc}") from None
    _lock(fd)
    key = os.path.realpath(tmp)
    _live[key] = fd
    try:
        fill(tmp)
        _step("filled")
        write_file(tmp / MARKER, marker_text(tmp, command))
        _sync_tree(tmp)
        _step("synced")
        _swap(tmp, target)
    except BaseException:
        _remove_tree(tmp)  # the new content, or after a swap the previous one
        raise
    finally:
        del _live[key]
        os.close(fd)
