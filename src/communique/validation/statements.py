"""Statements against the events they report and the text around them: W412 a statement whose
``about`` lists its own speech act, W415 an event in the author's voice found only inside
statements, W416 a named source without the statement that names it, W419 an addressee the
statement's sentence does not name outside quoted content (docs/guidelines.md, sections 4,
Factuality and its source, and 6)."""

from __future__ import annotations

from collections.abc import Callable

from ..codes import finding
from ..models import DocumentFile, Span
from ..report import Finding
from ._intervals import Containers
from .sentences import Sentences

RECORD_CODES = ("W412", "W415", "W416")
TEXT_CODES = ("W419",)
"""Checked against the sentences of the text."""
CODES = RECORD_CODES + TEXT_CODES

REPORTED_ACTS = frozenset({"request.demand", "attitude.threaten", "attitude.accuse", "contact.broadcast"})
"""Speech acts the author reports in its own voice even when their triggers lie inside a statement."""


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def check(out: list[Finding], rel: str, doc: DocumentFile, at: Callable[[str, int], int]) -> None:
    """W412, W415 and W416 for the statements and events of one document."""
    events = {e.id: e for e in doc.events}
    by_speaker: dict[tuple[str, str], str] = {}
    """(speaker actor, event id it lists in about) -> statement id."""
    for i, s in enumerate(doc.statements):
        for j, event_id in enumerate(s.about):
            if s.speaker.actor is not None:
                by_speaker.setdefault((s.speaker.actor, event_id), s.id)
            e = events.get(event_id)
            if e is not None and any(_overlap(t, s.cue) for t in e.triggers):
                out.append(finding("W412", rel, f"$.statements[{at('statements', i)}].about[{j}]", record=s.id,
                                   expected="the events the statement is about, not its own speech act",
                                   found=repr(event_id), event=event_id, cue=s.cue.text, start=s.cue.start))
    if not doc.statements:
        return
    contents = Containers(s.content for s in doc.statements)
    for i, e in enumerate(doc.events):
        src = e.source
        if src.kind == "author" and e.type not in REPORTED_ACTS and all(contents.holds(t) for t in e.triggers):
            out.append(finding("W415", rel, f"$.events[{at('events', i)}].source.kind", record=e.id,
                               expected="'named' (the speaker of the statement holding the first trigger)",
                               found="'author'", type=e.type))
        if src.kind == "named" and src.statement is None and src.actor is not None:
            statement = by_speaker.get((src.actor, e.id))
            if statement is not None:
                out.append(finding("W416", rel, f"$.events[{at('events', i)}].source.statement", record=e.id,
                                   expected=repr(statement), found="null", actor=src.actor, statement=statement))




def check_addressees(
    out: list[Finding], rel: str, doc: DocumentFile, sentences: Sentences, at: Callable[[str, int], int]
) -> None:
    """W419 for the statements of one document."""
    contents = Containers(s.content for s in doc.statements)
    for i, s in enumerate(doc.statements):
        sentence = sentences.of(s.cue.start)
        for j, actor in enumerate(s.addressees):
            if all(contents.holds(m.span) for m in sentences.mentions(sentence, actor)):
                out.append(finding("W419", rel, f"$.statements[{at('statements', i)}].addressees[{j}]",
                                   record=s.id, expected="an addressee the sentence names outside quoted content",
                                   found=repr(actor), actor=actor, cue=s.cue.text, start=s.cue.start))
