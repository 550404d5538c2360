"""Statements of the rule baseline: a speech cue, the nearest speaker before it, the rest of the sentence.

- Cues: the speech verbs and 'according to' of :data:`.gazetteer.CUES` (whole words, any case).
- Speaker of a verb: the nearest person mention before the cue in its sentence, else the nearest
  mention of any actor; a pronoun ('He said') is a new pronoun mention of the last person mentioned
  before it. None found: an unnamed speaker. Speaker of 'according to': the first person (else
  actor) mentioned between the cue and the next comma ('According to reports,': unnamed).
- Content: after a verb, the rest of the sentence without a leading 'that' and the quotation
  marks around it (the next sentence when only 'that' or ':' follows the cue; no statement when
  nothing does); after 'according to', the text after the next comma, else after the speaker.
"""

from __future__ import annotations

import re

from ..models import Mention, Speaker, Statement
from ..text import sentences
from .builder import DocBuilder, Prediction, span_of
from .gazetteer import CUES

_CUE_RE = re.compile(r"(?<![\w\-])(" + "|".join(sorted(CUES, key=len, reverse=True)) + r")(?![\w\-])", re.I)
_PRONOUN_RE = re.compile(r"(?<![\w])(He|She|he|she)[ ]$")
_OPEN = "“‘\"'"
_CLOSE = "”’\"'"


def _content(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Trim a content stretch: leading 'that', spaces, quotes; trailing punctuation and quotes."""
    while start < end and text[start] in " \t,:":
        start += 1
    if text.startswith("that", start) and not text[start + 4 : start + 5].isalnum():
        start += 4
        while start < end and text[start] in " \t\n":
            start += 1
    direct = start < end and text[start] in _OPEN
    while start < end and text[start] in _OPEN:
        start += 1
    while end > start and text[end - 1] in ".!?; \t" + _CLOSE:
        end -= 1
    return start, end, direct


def _last_person(pred: Prediction, mentions: list[Mention], before: int) -> Mention | None:
    people = [m for m in mentions if m.span.end <= before and pred.actors[m.actor].type == "person"]
    return max(people, key=lambda m: m.span.start, default=None)


def _nearest_speaker(pred: Prediction, mentions: list[Mention], before: int) -> Mention | None:
    """The nearest person mention ending before ``before``, else the nearest mention of any actor."""
    earlier = [m for m in mentions if m.span.end <= before]
    people = [m for m in earlier if pred.actors[m.actor].type == "person"]
    return max(people or earlier, key=lambda m: m.span.end, default=None)


def _first_speaker(pred: Prediction, mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The first person mention in [start, end), else the first mention of any actor there."""
    inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
    people = [m for m in inside if pred.actors[m.actor].type == "person"]
    return min(people or inside, key=lambda m: m.span.start, default=None)


def find_statements(pred: Prediction, doc: DocBuilder) -> None:
    """Add the rule statements of ``doc`` to it (and pronoun speaker mentions)."""
    text = doc.text
    spans = list(sentences(text))
    for index, (s_start, s_end) in enumerate(spans):
        for cue in _CUE_RE.finditer(text, s_start, s_end):
            in_sentence = [m for m in doc.mentions if s_start <= m.span.start and m.span.end <= s_end]
            speaker: Mention | None
            if cue.group().lower() == "according to":
                comma = text.find(",", cue.end(), s_end)
                speaker = _first_speaker(pred, in_sentence, cue.end(), comma if comma != -1 else s_end)
                start = comma + 1 if comma != -1 else (speaker.span.end if speaker else cue.end())
                end = s_end
            else:
                speaker = _nearest_speaker(pred, in_sentence, cue.start())
                pronoun = _PRONOUN_RE.search(text, s_start, cue.start())
                if pronoun and (speaker is None or speaker.span.end <= pronoun.start()):
                    antecedent = _last_person(pred, doc.mentions, pronoun.start())
                    if antecedent is not None:
                        speaker = pred.mention(doc, pronoun.start(1), pronoun.end(1), antecedent.actor, "pronoun")
                start, end = cue.end(), s_end
                rest = text[start:end].strip(" \t.,")
                if rest in ("that", ":") and index + 1 < len(spans):
                    start, end = spans[index + 1]
                elif not rest:
                    continue
            c_start, c_end, direct = _content(text, start, end)
            if c_end <= c_start:
                continue
            doc.statements.append(
                Statement(
                    id=doc.next_id("s", len(doc.statements)),
                    document=doc.document.id,
                    speaker=Speaker(actor=speaker.actor, span=speaker.span) if speaker else Speaker(),
                    cue=span_of(text, cue.start(), cue.end()),
                    content=span_of(text, c_start, c_end),
                    direct=direct,
                    type=CUES[cue.group().lower()],
                )
            )
