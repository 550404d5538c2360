"""Writing a folder so that it appears whole or not at all.

The content is written to a temporary folder beside the target, which is then renamed into
place; a previous folder at the target is moved aside first and removed only once the new
one is in place. A failed or interrupted write removes its temporary folder and leaves the
previous folder as it was. A folder is replaced only when ``replaceable`` says it may be (the
build replaces only an earlier release, never an unrelated folder given by mistake).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import CommuniqueError

STALE_SECONDS = 3600
"""Leftovers of a killed write older than this are removed by the next write."""


class OutputError(CommuniqueError):
    """The output folder cannot be written."""


def _prepare(target: Path, replaceable: Callable[[Path], bool]) -> None:
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"cannot write to {target}: {parent} is not a folder")
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot write to {target}: it exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not replaceable(target):
        raise OutputError(
            f"refusing to replace {target}: it is not empty and is not an earlier release; give another --out"
        )
    cwd = Path.cwd().absolute()
    if target == cwd or target in cwd.parents:
        raise OutputError(f"refusing to replace {target}: it holds the current folder")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {parent}: {exc.strerror or exc}") from None


def _recover(target: Path) -> None:
    """Undo what a killed write left: put a moved-aside folder back, drop stale temporary ones."""
    now = time.time()
    for leftover in sorted(target.parent.glob(f".{target.name}.old-*")):
        if not target.exists():
            leftover.rename(target)
        elif now - leftover.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in target.parent.glob(f".{target.name}.tmp-*"):
        if now - leftover.stat().st_mtime > STALE_SECONDS:
            shutil.rmtree(leftover, ignore_errors=True)


def write_folder(target: Path, fill: Callable[[Path], None], replaceable: Callable[[Path], bool]) -> None:
    """Call ``fill(tmp)`` on a fresh temporary folder, then swap it into ``target``."""
    target = target.absolute()
    _prepare(target, replaceable)
    _recover(target)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write in {target.parent}: {exc.strerror or exc}") from None
    old: Path | None = None
    try:
        fill(tmp)
        tmp.chmod(0o755)
        if target.exists():
            old = target.with_name(f".{target.name}.old-{tmp.name.rsplit('-', 1)[-1]}")
            target.rename(old)
        try:
            tmp.rename(target)
        except BaseException:
            if old is not None:
                old.rename(target)
                old = None
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
