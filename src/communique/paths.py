"""Safe file names from data: no id, name or path taken from data escapes its folder."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import CommuniqueError

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$")
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)


def safe_child(folder: Path, name: str) -> Path:
    """``folder / name`` when ``name`` is a plain file name; CommuniqueError otherwise.

    Refused: path separators, ``..``, leading dots, control characters, names over 200
    characters and names reserved on Windows (``NUL``, ``CON``...).
    """
    stem = name.split(".", 1)[0].upper()
    if not _SAFE.match(name) or ".." in name or stem in _RESERVED:
        raise CommuniqueError(
            f"{name!r} cannot be used as a file name: expected letters, digits, '_', '-' and '.' only, "
            "not starting with a dot, without '..', at most 200 characters"
        )
    path = folder / name
    if path.resolve().parent != folder.resolve():
        raise CommuniqueError(f"{name!r} would leave the folder {folder}")
    return path
