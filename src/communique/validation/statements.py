"""Statements against the events they report: W412 a statement whose ``about`` lists its own
speech act, W416 a named source without the statement that names it (docs/guidelines.md,
sections 4, Factuality and its source, and 6)."""

from __future__ import annotations

from collections.abc import Callable

from ..codes import finding
from ..models import DocumentFile, Span
from ..report import Finding

CODES = ("W412", "W416")


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def check(out: list[Finding], rel: str, doc: DocumentFile, at: Callable[[str, int], int]) -> None:
    """W412 and W416 for the statements and events of one document."""
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
    if not by_speaker:
        return
    for i, e in enumerate(doc.events):
        src = e.source
        if src.kind == "named" and src.statement is None and src.actor is not None:
            statement = by_speaker.get((src.actor, e.id))
            if statement is not None:
                out.append(finding("W416", rel, f"$.events[{at('events', i)}].source.statement", record=e.id,
                                   expected=repr(statement), found="null", actor=src.actor, statement=statement))


