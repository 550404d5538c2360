"""Offset conversion between code points, UTF-16 and UTF-8 bytes."""

from __future__ import annotations

import pytest

from communique.offsets import from_bytes, from_utf16, to_bytes, to_utf16

TEXT = "Jean-Noël said “hi” 😀 to Kyiv"


def test_round_trips_at_every_offset() -> None:
    for i in range(len(TEXT) + 1):
        assert from_utf16(TEXT, to_utf16(TEXT, i)) == i
        assert from_bytes(TEXT, to_bytes(TEXT, i)) == i


def test_known_values() -> None:
    kyiv = TEXT.index("Kyiv")
    assert TEXT.encode("utf-16-le")[2 * to_utf16(TEXT, kyiv):].decode("utf-16-le") == "Kyiv"
    assert TEXT.encode("utf-8")[to_bytes(TEXT, kyiv):].decode("utf-8") == "Kyiv"
    assert to_utf16(TEXT, kyiv) == kyiv + 1  # one astral character before it
    assert to_bytes(TEXT, 9) == 9 + 1  # 'ë' is two bytes


def test_invalid_offsets() -> None:
    with pytest.raises(ValueError, match="outside"):
        to_utf16(TEXT, len(TEXT) + 1)
    with pytest.raises(ValueError, match="surrogate"):
        from_utf16(TEXT, TEXT.index("😀") + 1)
    with pytest.raises(ValueError, match="multi-byte"):
        from_bytes(TEXT, 8)
