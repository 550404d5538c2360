"""Sentence splitting (navigation, the baselines and the W410/W411/W419 rules read it): the
pattern that skips to the characters a sentence ends on splits exactly where the definition
says, a look-behind pattern that tests every position of the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.text import sentences

_DEFINITION = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’\"']))[ \t]+(?=[\"“‘'A-Z])|\n+")
_ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Col.", "Lt.", "U.S.", "U.K.", "U.N.")


def by_definition(text: str) -> list[tuple[int, int]]:
    """Split at white space after . ! ? (or after one of them and a closing quote) before a capital
    or an opening quote, unless an abbreviation ends there, and at every run of line breaks."""
    out, start = [], 0
    for m in _DEFINITION.finditer(text):
        if m.group().startswith("\n") or not text[: m.start()].endswith(_ABBREVIATIONS):
            if text[start : m.start()].strip():
                out.append((start, m.start()))
            start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


PIECES = st.sampled_from(["a", "B", "x", " ", "  ", "\t", "\n", "\n\n", ".", "!", "?", "”", "’", '"', "'", "“",
                          "‘", "Mr.", "U.S.", "Gen.", "é", "Ω", "😀", ". ", ".” ", "?’ "])


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_sentences_split_where_the_definition_says(text: str) -> None:
    assert list(sentences(text)) == by_definition(text)


def test_sentences_of_a_paragraph() -> None:
    text = 'Mr. Ali spoke. “We will stay,” he said! Then U.S. envoys left.\n\nA new line? “Yes.” Done'
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["Mr. Ali spoke.", "“We will stay,” he said!", "Then U.S. envoys left.", "A new line?",
                   "“Yes.”", "Done"]
