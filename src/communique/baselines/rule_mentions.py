"""Actor mentions of the rule baseline: gazetteer places and bodies, and people found by their titles.

1. Every surface form of the gazetteer (:mod:`.gazetteer`), matched as a whole word, case-sensitive.
2. A person is a run of one to three capitalised words after a title ('Foreign Minister Anna Berg')
   or before a speech verb ('Berg said'); a trailing possessive and leading title words are dropped.
   A name ending in an organisational noun ('Foreign Ministry', 'Presidency') is an organization.
3. Every later occurrence of a person's full name or last name in the document is a mention of
   that person; a one-word name that is the last name of a full name found elsewhere is that person.
4. Where candidates overlap, the longest wins, then the earliest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import ActorType
from ..text import word_at
from .builder import DocBuilder, Prediction
from .gazetteer import BODIES, CITIES, COUNTRIES, CUES, TITLES

_WORD = r"[A-ZÀ-Þ][\w’'\-]*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,2}}"
_TITLES = sorted({*TITLES, *(t.lower() for t in TITLES)}, key=len, reverse=True)
_TITLE_RE = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, _TITLES)) + rf"),?[ ]({_NAME})")
_VERBS = sorted((c for c in CUES if " " not in c), key=len, reverse=True)
_SPEAKER_RE = re.compile(rf"(?<![\w’'\-])({_NAME})[ ](?:{'|'.join(_VERBS)})\b")
_NOT_NAMES = frozenset(
    {"He", "She", "They", "It", "We", "I", "You", "The", "This", "That", "These", "Those", "But", "And", "As"}
    | {"In", "On", "At", "For", "According", "Both", "Officials", "Reports", "Sources"}
    | {w for t in TITLES for w in t.split()}
)
_ORG_HEADS = frozenset(
    ("Ministry", "Office", "Presidency", "Council", "Government", "Party", "Agency", "Commission", "Committee", "Army")
)


@dataclass(frozen=True)
class Place:
    name: str
    type: ActorType
    wikidata: str | None


def _gazetteer() -> dict[str, Place]:
    surfaces: dict[str, Place] = {}
    rows: list[tuple[str, str | None, tuple[str, ...], ActorType]] = [
        *((n, q, a, "country") for n, q, a in COUNTRIES),
        *((n, q, a, "city") for n, q, a in CITIES),
        *BODIES,
    ]
    for name, qid, aliases, type_ in rows:
        for surface in (name, *aliases):
            surfaces.setdefault(surface, Place(name, type_, qid))
    return surfaces


GAZETTEER = _gazetteer()
_GAZ_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(s) for s in sorted(GAZETTEER, key=len, reverse=True)) + r")(?![\w])"
)


def _clean(name: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _person_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each person found by a title or a speech verb."""
    found = []
    for pattern in (_TITLE_RE, _SPEAKER_RE):
        for m in pattern.finditer(text):
            name = _clean(m.group(1))
            tokens = name.split()
            while tokens and tokens[0] in _NOT_NAMES:
                tokens.pop(0)
            name = " ".join(tokens)
            if not name or name in GAZETTEER or any(t in GAZETTEER for t in tokens):
                continue
            start = m.start(1) + m.group(1).index(name)
            found.append((start, start + len(name), name))
    return found


def _person_type(name: str) -> ActorType:
    return "organization" if name.split()[-1] in _ORG_HEADS else "person"


def find_mentions(pred: Prediction, doc: DocBuilder) -> None:
    """Add the rule mentions of ``doc`` to it (and their actors to ``pred``)."""
    text = doc.text
    # candidates: (start, end, actor name, type, qid)
    cands: list[tuple[int, int, str, ActorType, str | None]] = []
    for m in _GAZ_RE.finditer(text):
        place = GAZETTEER[m.group()]
        cands.append((m.start(), m.end(), place.name, place.type, place.wikidata))
    names = _person_names(text)
    full = {n for _, _, n in names if " " in n}
    by_last = {n.split()[-1]: n for n in sorted(full)}
    people = {by_last.get(n, n) for _, _, n in names}
    for person in sorted(people):
        surfaces = {person}
        last = person.split()[-1]
        if len(last) >= 3 and last not in GAZETTEER:
            surfaces.add(last)
        for surface in surfaces:
            for m in re.finditer(re.escape(surface), text):
                if word_at(text, m.start(), m.end()):
                    cands.append((m.start(), m.end(), person, _person_type(person), None))
    taken: list[tuple[int, int]] = []
    for start, end, name, type_, qid in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        pred.mention(doc, start, end, pred.actor(name, type_, qid))
    doc.mentions.sort(key=lambda m: m.span.start)
