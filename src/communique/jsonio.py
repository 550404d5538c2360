"""Strict JSON reading and atomic writing.

Reading rejects what the JSON standard leaves open and other tools would read differently:
duplicate keys in one object, NaN and Infinity, a byte-order mark, invalid UTF-8, and numbers
or nesting beyond documented limits. Writing goes to a temporary file in the same folder that
is then renamed over the target, so a file appears whole or not at all.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Largest JSON file read (256 MiB); larger files are refused with a clear message."""
MAX_DEPTH = 64
"""Deepest nesting of arrays and objects accepted."""
MAX_INT = 2**63 - 1
"""Integers beyond signed 64 bits are refused: other JSON readers would lose precision."""


_SURROGATE = re.compile("[\ud800-\udfff]")


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
    value = int(text)
    if abs(value) > MAX_INT:
        raise JsonReadError(f"integer {text[:30]} is beyond 64 bits; expected |n| <= 2**63-1")
    return value


def _depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def loads(data: bytes) -> Any:
    """Parse JSON bytes strictly; raise :class:`JsonReadError` with a location on any problem."""
    if len(data) > MAX_FILE_BYTES:
        raise JsonReadError(
            f"file is {len(data)} bytes; the limit is {MAX_FILE_BYTES} bytes: split the corpus into more document files"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        raise JsonReadError("file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", 1, 1)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise JsonReadError(f"invalid UTF-8 at byte {exc.start}; expected UTF-8 text", line) from None
    if not text.strip():
        raise JsonReadError("file is empty; expected a JSON object", 1, 1)
    if _depth(text) > MAX_DEPTH:
        raise JsonReadError(f"nesting is deeper than {MAX_DEPTH} levels")
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_int)
    except JsonReadError:
        raise
    except json.JSONDecodeError as exc:
        raise JsonReadError(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise JsonReadError(f"nesting is deeper than {MAX_DEPTH} levels") from None
    _reject_lone_surrogates(value)
    return value


def _reject_lone_surrogates(value: Any) -> None:
    """Refuse a string holding half of a UTF-16 surrogate pair (from an escape like ``\\ud800``).

    It is no Unicode text: the models refuse it, JSON Schema validators accept it, and other
    readers replace or reject it. Refusing it here keeps every reader of the corpus in agreement.
    """
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            strings = [node]
        elif isinstance(node, dict):
            strings = list(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
            continue
        else:
            continue
        for s in strings:
            if _SURROGATE.search(s):
                raise JsonReadError(f"string {s[:40]!r} holds a lone UTF-16 surrogate; expected Unicode text")


def dumps(obj: Any) -> str:
    """Serialise as the repository stores JSON: two-space indent, UTF-8, trailing newline."""
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` to ``path`` so that the file appears whole or not at all."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
