"""The mentions of a document indexed by sentence (built once per document, on the first question,
so a rule asking "is this actor mentioned in that sentence?" costs a lookup, and a document no rule
asks about costs nothing). Sentences are those of :func:`communique.text.sentences`, the
navigation's (``Corpus.sentence_of``)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from ..models import Mention
from ..text import sentences


class Sentences:
    """Sentence numbers of offsets in one text, and the mentions of each sentence by actor."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self._text, self._all = text, mentions
        self._starts: list[int] | None = None
        self._mentions: dict[tuple[int, str], list[Mention]] = defaultdict(list)

    def _index(self) -> list[int]:
        starts = self._starts = [start for start, _ in sentences(self._text)]
        for m in self._all:
            self._mentions[(max(bisect_right(starts, m.span.start) - 1, 0), m.actor)].append(m)
        return starts

    def of(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (white space between two sentences counts
        with the first, white space before the first sentence with it)."""
        starts = self._starts if self._starts is not None else self._index()
        return max(bisect_right(starts, offset) - 1, 0)

    def mentions(self, sentence: int, actor: str) -> list[Mention]:
        """The mentions of ``actor`` that start in sentence number ``sentence``."""
        if self._starts is None:
            self._index()
        return self._mentions.get((sentence, actor), [])
