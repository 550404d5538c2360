"""Safe file names from data: no id, name or path taken from data escapes its folder.

Every place that names a file after a value taken from data (a document id, a seed name, an
actor id) goes through :func:`safe_child`. It accepts a plain id (the record id pattern: 1-128
ASCII letters, digits, ``_`` and ``-``, starting with a letter or digit), optionally followed by
one plain extension (``doc.json``, ``doc.txt``), and refuses everything else: path separators,
``.`` and ``..``, leading dots, control characters (a trailing newline included), over-long names
and the names Windows reserves for devices (``NUL``, ``CON``, ``COM1``..., with any extension), so
the same corpus can be written on every platform.
"""

from __future__ import annotations

import re
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import overload

from .errors import UnsafePathError
from .models._base import ID_PATTERN

_ID = re.compile(ID_PATTERN.removeprefix("^").removesuffix("$"))
_EXTENSION = re.compile(r"(\.[a-z0-9]{1,16})?")
_SUFFIX = re.compile(r"(\.[a-z0-9]{1,16}){0,3}")
_RESERVED = frozenset(["CON", "PRN", "AUX", "NUL"] + [f"{dev}{n}" for dev in ("COM", "LPT") for n in range(10)])
"""Device names Windows reserves whatever the extension ('nul.json' is the device too)."""


def is_plain_id(name: object) -> bool:
    """True when ``name`` is a plain id that is safe as a file name on every platform."""
    return isinstance(name, str) and _ID.fullmatch(name) is not None and name.upper() not in _RESERVED


def _shown(name: str) -> str:
    return ascii(name if len(name) <= 60 else name[:57] + "...")


def check_name(name: object, suffix: str = "") -> str:
    """Return ``name + suffix`` when it is a plain id with at most one plain extension; UnsafePathError otherwise."""
    if not isinstance(suffix, str) or not _SUFFIX.fullmatch(suffix):
        raise UnsafePathError(f"file suffix {suffix!r} is not a plain extension such as '.json'")
    if not isinstance(name, str):
        raise UnsafePathError(f"a file name must be a string id, found {type(name).__name__}")
    stem, dot, extension = name.partition(".")
    if not _ID.fullmatch(stem) or not _EXTENSION.fullmatch(dot + extension):
        raise UnsafePathError(
            f"{_shown(name)} cannot be used as a file name: expected a plain id "
            "(1-128 ASCII letters, digits, '_' or '-', starting with a letter or digit), "
            "optionally with one extension such as '.json'"
        )
    if stem.upper() in _RESERVED:
        raise UnsafePathError(f"{_shown(name)} cannot be used as a file name: it is a reserved device name on Windows")
    return name + suffix


@overload
def safe_child(folder: Path, name: str, suffix: str = "") -> Path: ...
@overload
def safe_child(folder: Traversable, name: str, suffix: str = "") -> Traversable: ...
def safe_child(folder: Path | Traversable, name: str, suffix: str = "") -> Path | Traversable:
    """The file ``folder/<name><suffix>``, refusing any ``name`` that is not a plain id (plus one extension).

    ``'../x'``, ``'/etc/x'``, ``'a/b'``, ``'.'``, ``'..'``, ``'NUL'``, names with control characters
    or longer than 128 characters raise :class:`~communique.errors.UnsafePathError` (a
    :class:`~communique.errors.CommuniqueError`). For a real folder the result is also checked to
    resolve inside ``folder`` (a symbolic link named like an id that points elsewhere is refused).
    """
    file_name = check_name(name, suffix)
    if not isinstance(folder, Path):
        return folder / file_name
    child = folder / file_name
    if child.is_symlink() and child.resolve().parent != folder.resolve():
        raise UnsafePathError(f"{_shown(file_name)} would leave the folder {folder}: it is a symbolic link")
    return child


def split_name(file_name: str, suffix: str) -> str:
    """The id in ``file_name`` (``'doc.txt'`` -> ``'doc'`` for suffix ``'.txt'``); UnsafePathError otherwise."""
    if not isinstance(file_name, str) or not file_name.endswith(suffix):
        raise UnsafePathError(f"file name {file_name!a} does not end in {suffix!r}")
    stem = file_name[: len(file_name) - len(suffix)]
    if not is_plain_id(stem):
        check_name(stem, suffix)  # raises with the reason
        raise UnsafePathError(f"file name {file_name!a} is not '<plain id>{suffix}'")
    return stem
