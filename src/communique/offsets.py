"""Convert span offsets between Unicode code points (ours), UTF-16 code units and UTF-8 bytes.

Communiqué offsets count code points, as Python ``str`` indexing does. JavaScript
(``String.prototype.slice``), Java and C# index UTF-16 code units; C, Rust and many
annotation tools index UTF-8 bytes. For text without characters beyond U+FFFF, UTF-16 and
code-point offsets are equal; byte offsets differ as soon as a non-ASCII character precedes
the span (the seed document has typographic quotes and dashes).
"""

from __future__ import annotations


def _check(text: str, offset: int) -> None:
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} is outside the text (0..{len(text)})")


def to_utf16(text: str, offset: int) -> int:
    """Code-point offset to UTF-16 code-unit offset (for JavaScript)."""
    _check(text, offset)
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def from_utf16(text: str, offset: int) -> int:
    """UTF-16 code-unit offset to code-point offset; ValueError inside a surrogate pair."""
    units = 0
    for index, ch in enumerate(text):
        if units == offset:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > offset:
            raise ValueError(f"UTF-16 offset {offset} falls inside a surrogate pair")
    if units == offset:
        return len(text)
    raise ValueError(f"UTF-16 offset {offset} is outside the text (0..{units})")


def to_bytes(text: str, offset: int) -> int:
    """Code-point offset to UTF-8 byte offset."""
    _check(text, offset)
    return len(text[:offset].encode("utf-8"))


def from_bytes(text: str, offset: int) -> int:
    """UTF-8 byte offset to code-point offset; ValueError inside a multi-byte character."""
    data = text.encode("utf-8")
    if not 0 <= offset <= len(data):
        raise ValueError(f"byte offset {offset} is outside the text (0..{len(data)})")
    try:
        return len(data[:offset].decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"byte offset {offset} falls inside a multi-byte character") from None
