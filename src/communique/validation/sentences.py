"""The mentions of a document indexed by sentence (built once per document, so a rule asking "is
this actor mentioned in that sentence?" costs a lookup). Sentences are those of
:func:`communique.text.sentences`, the navigation's (``Corpus.sentence_of``)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from ..models import Mention
from ..text import sentences


class Sentences:
    """Sentence numbers of offsets in one text, and the mentions of each sentence by actor."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self._starts = [start for start, _ in sentences(text)]
        self._mentions: dict[tuple[int, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            self._mentions[(self.of(m.span.start), m.actor)].append(m)

    def of(self, offset: int) -> int:
        """The number of the sentence holding ``offset`` (white space between two sentences counts
        with the first, white space before the first sentence with it)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def mentions(self, sentence: int, actor: str) -> list[Mention]:
        """The mentions of ``actor`` that start in sentence number ``sentence``."""
        return self._mentions.get((sentence, actor), [])
