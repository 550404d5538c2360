"""Writing a folder so that it appears whole or not at all.

The content is written to a temporary folder beside the target, which is then renamed into
place; a previous folder at the target is moved aside first and removed only once the new
one is in place. A failed or interrupted write removes its temporary folder and leaves the
previous folder as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import CommuniqueError


class OutputError(CommuniqueError):
    """The output folder cannot be written."""


def _prepare_parent(target: Path) -> None:
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"cannot write to {target}: {parent} is not a folder")
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot write to {target}: it exists and is not a folder")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {parent}: {exc.strerror or exc}") from None


def write_folder(target: Path, fill: Callable[[Path], None]) -> None:
    """Call ``fill(tmp)`` on a fresh temporary folder, then swap it into ``target``."""
    target = target.absolute()
    _prepare_parent(target)
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
