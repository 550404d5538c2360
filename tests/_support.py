"""Paths and helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FIXTURE_CORPUS = TESTS / "fixtures" / "corpus"
"""A small corpus with its own seed texts: two documents (English and German), mentions, events
with nested arguments, places, times and quantities, statements, nulls and non-ASCII text."""
CONFIGS = ("documents", "actors", "mentions", "events", "statements")


def flip_byte(path: Path, needle: bytes) -> None:
    """Change one byte of ``path``: the first letter of ``needle`` swaps case."""
    data = bytearray(path.read_bytes())
    at = data.index(needle)
    data[at] ^= 0x20
    path.write_bytes(bytes(data))
