"""Mentions: E307 an actor never mentioned, W400 an argument or speaker span that is not a
mention of its actor, W401 the same actor mentioned twice at the same span."""

from __future__ import annotations

from collections.abc import Callable

from ..codes import finding
from ..layout import ACTORS_FILE
from ..models import DocumentFile, Span
from ..report import Finding

CORPUS_CODES = ("E307",)
DOCUMENT_CODES = ("W400", "W401")
CODES = CORPUS_CODES + DOCUMENT_CODES


def unmentioned(out: list[Finding], actor_ids: list[str], mentioned: set[str]) -> None:
    """E307 for every actor (its id at its position in data/actors.json) whose id is not in ``mentioned``."""
    for i, actor_id in enumerate(actor_ids):
        if actor_id not in mentioned:
            out.append(finding("E307", ACTORS_FILE, f"$.actors[{i}]", record=actor_id,
                               expected="at least one mention", found="none", actor=actor_id))


def _not_at_mention(out: list[Finding], actor: str, span: Span, file: str, path: str, record: str) -> None:
    out.append(finding("W400", file, path, record=record, expected=f"a mention span of {actor!r}",
                       found=f"{span.start}-{span.end}", text=span.text, start=span.start, end=span.end, actor=actor))


def check_document(
    out: list[Finding], rel: str, doc: DocumentFile, at: Callable[[str, int], int], mentions_complete: bool = True
) -> None:
    """W400 and W401 for one document file (``at`` gives a record's position in the file; W400 is
    left out when a mention of the file was refused: the span may be that mention's)."""
    spans: dict[tuple[str, int, int], str] = {}
    for i, m in enumerate(doc.mentions):
        key = (m.actor, m.span.start, m.span.end)
        if key in spans:
            out.append(finding("W401", rel, f"$.mentions[{at('mentions', i)}]", record=m.id,
                               expected="one mention per actor and span", found=f"also {spans[key]!r}",
                               other=spans[key], actor=m.actor, start=m.span.start, end=m.span.end))
        else:
            spans[key] = m.id
    if not mentions_complete:
        return
    for i, e in enumerate(doc.events):
        for j, arg in enumerate(e.arguments):
            span = arg.span
            if span is not None and (arg.actor, span.start, span.end) not in spans:
                _not_at_mention(out, arg.actor, span, rel, f"$.events[{at('events', i)}].arguments[{j}].span", e.id)
    for i, s in enumerate(doc.statements):
        actor, span = s.speaker.actor, s.speaker.span
        if actor is not None and span is not None and (actor, span.start, span.end) not in spans:
            _not_at_mention(out, actor, span, rel, f"$.statements[{at('statements', i)}].speaker.span", s.id)
