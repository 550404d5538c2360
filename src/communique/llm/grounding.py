"""Grounding: a quoted span of an answer resolved to offsets in the document text.

A quote is looked for in three steps; the first that finds it decides:

1. **exact**: the selector as ``communique resolve`` reads it (:func:`communique.quotes.quote_starts`):
   the quote, with its ``prefix`` and ``suffix`` when given, character for character;
2. **normalised**: the same after normalising both the text and the selector: white space runs
   (spaces, tabs, line breaks, no-break spaces) read as one space, typographic quotes as ``'``
   and ``"``, hyphens and dashes (‐ ‑ ‒ – — ―) as ``-``, and letters compared case-insensitively;
   the span is the stretch of the original text the normalised match covers;
3. an ``occurrence`` picks among the places found; without one, a quote found at one place is
   **grounded**, and a quote found at several is **ambiguous** and placed by the *nearest-to-context*
   rule: the first place at or after the *anchor*, else the nearest before it, skipping places an
   identical earlier record of the same list already took. The anchor of an item of a list is the
   start of the previous grounded span of that list (0 for the first), so a list in text order
   reads left to right; the anchor of a statement's content is its cue.

A quote found nowhere, or an ``occurrence`` beyond the places found, is **ungrounded**: the record
is kept and scored with a span that covers no text, so it matches no gold unit (a false positive)
and a hallucinated quote never passes for a right one.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Literal

from ..quotes import quote_starts

Outcome = Literal["grounded", "ambiguous", "ungrounded"]

_SPACE = frozenset(
    " \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_FOLD = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015]")


@dataclass(frozen=True)
class Normalised:
    """A text in normalised form, with the original offset of each of its characters."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Normalised:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            if ch in _SPACE:
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            else:
                ch = _DASHES.sub("-", ch.translate(_FOLD)).lower()
            for c in ch:  # lower() may give two characters for one
                chars.append(c)
                origin.append(i)
        return cls("".join(chars), tuple(origin))

    def span(self, start: int, length: int) -> tuple[int, int]:
        """The original (start, end) of the normalised stretch ``[start, start + length)``."""
        return self.origin[start], self.origin[start + length - 1] + 1


def _norm(value: str | None) -> str | None:
    return None if value is None else Normalised.of(value).text


@dataclass(frozen=True)
class Placed:
    """Where a quote was placed: its offsets (``None`` when ungrounded), how, and after normalising or not."""

    span: tuple[int, int] | None
    outcome: Outcome
    normalised: bool = False


def places(
    text: str, quote: str, prefix: str | None, suffix: str | None, norm: Normalised
) -> tuple[list[tuple[int, int]], bool]:
    """Every (start, end) where the selector matches: exact matches, else normalised ones."""
    exact = quote_starts(text, quote, prefix=prefix, suffix=suffix)
    if exact:
        return [(s, s + len(quote)) for s in exact], False
    if len("".join(quote.split())) > 2 * len(text):
        # normalising folds white space and case: a quote with more than twice the text's length in
        # other characters cannot match it, and is not normalised character by character first
        return [], False
    nq = _norm(quote)
    if not nq:
        return [], False
    found = quote_starts(norm.text, nq, prefix=_norm(prefix), suffix=_norm(suffix))
    return [norm.span(s, len(nq)) for s in found], True


def nearest(candidates: list[tuple[int, int]], anchor: int, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """The nearest-to-context choice among several places (see the module docstring)."""
    free = [c for c in candidates if c not in taken] or candidates
    after = [c for c in free if c[0] >= anchor]
    if after:
        return after[0]
    return max(free, key=lambda c: c[0])


@dataclass
class Grounder:
    """Grounds the selectors of one document's answer, keeping the context the rule needs."""

    text: str
    norm: Normalised = field(init=False)
    _taken: dict[Hashable, set[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.norm = Normalised.of(self.text)

    def place(
        self,
        quote: str,
        *,
        occurrence: int | None = None,
        prefix: str | None = None,
        suffix: str | None = None,
        anchor: int = 0,
        key: Hashable = None,
    ) -> Placed:
        """Ground one selector; ``key`` names identical records (their places are not reused)."""
        candidates, normalised = places(self.text, quote, prefix, suffix, self.norm)
        if not candidates or (occurrence is not None and not 1 <= occurrence <= len(candidates)):
            return Placed(None, "ungrounded")
        outcome: Outcome = "grounded"
        if occurrence is not None:
            span = candidates[occurrence - 1]
        elif len(candidates) == 1:
            span = candidates[0]
        else:
            span, outcome = nearest(candidates, anchor, self._taken.setdefault(key, set())), "ambiguous"
        self._taken.setdefault(key, set()).add(span)
        return Placed(span, outcome, normalised)
