"""Strict JSON parsing, and the text the repository stores JSON as (files are opened and read by
:mod:`communique.reads`).

Parsing rejects what the JSON standard leaves open and other tools would read differently:
duplicate keys in one object, NaN and Infinity, a byte-order mark, invalid UTF-8, and numbers
or nesting beyond documented limits. Writing goes through :mod:`communique.writes`.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Largest file read (256 MiB); larger files are refused with a clear message, before they are read."""
MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted."""
MAX_VALUES = 500_000
"""Most objects, arrays and list items in one file (counted as the '{', '[' and ',' in its text, an upper
bound). It bounds the memory that validating a broken file can take: each value can yield a few findings."""
MAX_INT = 2**63 - 1
"""Integers beyond signed 64 bits are refused: other JSON readers would lose precision."""
_MAX_INT_DIGITS = len(str(MAX_INT))

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


class JsonReadError(ValueError):
    """A file is not acceptable JSON. ``line`` and ``column`` are 1-based where known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise JsonReadError(f"duplicate key {key!r} in one object")
        obj[key] = value
    return obj


def _constant(name: str) -> Any:
    raise JsonReadError(f"{name} is not a JSON number; expected a finite number")


def _int(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > _MAX_INT_DIGITS or abs(int(text)) > MAX_INT:
        shown = text if len(text) <= 30 else text[:30] + "..."
        raise JsonReadError(f"integer {shown} is beyond 64 bits; expected |n| <= 2**63-1")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        shown = text if len(text) <= 30 else text[:30] + "..."
        raise JsonReadError(f"number {shown} overflows a 64-bit float; expected a finite number")
    return value


def _nesting(value: Any) -> int:
    """The deepest nesting of arrays and objects in a parsed value (iterative: no recursion limit)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, (dict, list)) else []
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return deepest


def _check_surrogates(node: Any) -> None:
    """Refuse a string holding half of a UTF-16 surrogate pair (from an escape like ``\\ud800``).

    It is no Unicode text: the models refuse it, JSON Schema validators accept it, other readers
    replace or reject it, and it cannot be written back as UTF-8. Refusing it here keeps every
    reader of the corpus in agreement. Valid UTF-8 text holds no surrogate, so only a ``\\u``
    escape can produce one: the walk runs only when the text has such an escape.
    """
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise JsonReadError(
                    f"string {item[:30]!a} holds a lone UTF-16 surrogate escape; expected valid Unicode"
                ) from None


def _too_large(size: int) -> JsonReadError:
    return JsonReadError(
        f"file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes (communique.jsonio.MAX_FILE_BYTES): "
        "split the corpus into more document files"
    )


def loads(data: bytes) -> Any:
    """Parse JSON bytes strictly; raise :class:`JsonReadError` with a location on any problem."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data))
    if data.startswith(b"\xef\xbb\xbf"):
        raise JsonReadError("file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise JsonReadError(f"invalid UTF-8 at byte {exc.start}; expected UTF-8 text", line) from None
    if not text.strip():
        raise JsonReadError("file is empty; expected a JSON object", 1, 1)
    values = text.count("{") + text.count("[") + text.count(",")
    if values > MAX_VALUES:
        raise JsonReadError(
            f"file holds about {values} JSON values; the limit is {MAX_VALUES} (communique.jsonio.MAX_VALUES): "
            "split the corpus into more document files"
        )
    too_deep = f"nesting is deeper than {MAX_DEPTH} levels (communique.jsonio.MAX_DEPTH)"
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_int, parse_float=_float)
    except JsonReadError:
        raise
    except json.JSONDecodeError as exc:
        raise JsonReadError(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:  # the parser's own guard, far beyond MAX_DEPTH
        raise JsonReadError(too_deep) from None
    if text.count("[") + text.count("{") > MAX_DEPTH and _nesting(value) > MAX_DEPTH:
        raise JsonReadError(too_deep)
    if _SURROGATE_ESCAPE.search(text):
        _check_surrogates(value)
    return value


def read_path(path: Path) -> bytes:
    """The bytes of a regular file within :data:`MAX_FILE_BYTES`, measured before it is read
    (:func:`communique.reads.read_file`; :class:`communique.reads.ReadRefused` otherwise)."""
    from .reads import read_file

    return read_file(path)


def load_path(path: Path) -> Any:
    """Read and parse a JSON file strictly (size checked before reading)."""
    return loads(read_path(path))


def dumps(obj: Any) -> str:
    """Serialise as the repository stores JSON: two-space indent, UTF-8, trailing newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
