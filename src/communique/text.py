"""Plain-text helpers: sentences (for navigation and the baselines) and capitalised token sequences."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE_END = re.compile(r"[.!?][”’\"']?([ \t]+)(?=[\"“‘'A-Z])|\n+")
"""A sentence end: white space after . ! ? (and a closing quote) before a capital or an opening
quote (group 1, the white space), or a run of line breaks. The pattern starts with the characters
it ends on, so the search skips the rest of the text at C speed."""
_CAPSEQ = re.compile(r"[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Col.", "Lt.", "U.S.", "U.K.", "U.N.")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: split after . ! ? before a capital or quote, and at line breaks."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start(1)
        if end < 0:  # line breaks
            end = m.start()
        elif text.endswith(_ABBREVIATIONS, 0, end):
            continue
        if text[start:end].strip():
            yield start, end
        start = m.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


def capitalised_sequences(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each maximal run of capitalised tokens on one line."""
    for m in _CAPSEQ.finditer(text, start, len(text) if end is None else end):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in "’'-":
            e -= 1
        yield s, e


def word_at(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is not part of a longer word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
