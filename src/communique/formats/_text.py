"""Sentence windows and tokens with exact code-point offsets (the tokenizer the OneIE export names).

The tokenizer is this module's own, so that its output is pinned by the package version and needs
no model: a token is a run of word characters (``\\w+``: letters, digits and ``_`` in any script)
or one other non-space character; white space separates tokens and is never part of one. Every
token is an exact slice ``text[start:end]`` of the document (offsets in code points, end
exclusive), so joining the document between a window's first and last token gives the window's
text back, and every token maps back to the seed.

Sentences end at a line break, or after ``.``, ``!`` or ``?`` (and any closing quotes or
brackets) followed by white space and an upper-case letter, a digit or an opening quote, except
after a common abbreviation ('Mr.', 'Gen.') or a single capital letter ('U.S.').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

TOKENIZER = "communique-regex"
"""The tokenizer's name, recorded in every export with :data:`TOKENIZER_VERSION`."""
TOKENIZER_VERSION = "1"
"""Bumped whenever a change to the rules below could move a token or a sentence boundary."""

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])")
_ABBREVIATIONS = frozenset(
    ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Prof", "Jr", "Sr", "No",
     "vs", "Mt", "Ft", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Corp", "Ltd",
     "Co", "etc", "Adm", "Maj", "Brig", "Rev", "Hon", "Pres", "Amb")
)


@dataclass(frozen=True)
class Window:
    """One sentence: its offsets in the document and its tokens' offsets."""

    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    """(start, end) of each token, in document code points."""


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) of every token of ``text[start:end]``, in offsets of ``text``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def _sentence_breaks(text: str, start: int, end: int) -> list[int]:
    breaks = []
    for m in _SENTENCE_END.finditer(text, start, end):
        word = re.search(r"(\w+)\W*$", text[start : m.start()])
        if word and (word.group(1) in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        breaks.append(m.end())
    return breaks


def windows(text: str) -> list[Window]:
    """The sentences of ``text`` with their tokens (sentences without a token are left out)."""
    found: list[Window] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        cuts = [line_start, *_sentence_breaks(text, line_start, line_end), line_end]
        for a, b in pairwise(cuts):
            tokens = tokenize(text, a, b)
            if tokens:
                found.append(Window(tokens[0][0], tokens[-1][1], tuple(tokens)))
        line_start = line_end + 1
    return found
