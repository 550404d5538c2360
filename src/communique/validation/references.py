"""E202 dangling references, E203 references to the wrong kind of record, E204 references
that leave their document (or records filed under another document)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from ..codes import a, finding
from ..models import Actor, Attribution, DocumentFile, Event, Statement
from ..report import Finding

CODES = ("E202", "E203", "E204")

Kind = Literal["actor", "document", "mention", "event", "statement"]

Ref = tuple[str, str, Kind, bool]
"""(JSON path, referenced id, expected kind, must stay within the document)."""


def _attribution(att: Attribution, path: str) -> Iterator[Ref]:
    if att.actor is not None:
        yield f"{path}.actor", att.actor, "actor", False
    if att.statement is not None:
        yield f"{path}.statement", att.statement, "statement", True


def actor_refs(actor: Actor, path: str) -> Iterator[Ref]:
    if actor.country is not None:
        yield f"{path}.country", actor.country, "actor", False
    for i, member in enumerate(actor.members):
        yield f"{path}.members[{i}]", member, "actor", False
    for i, role in enumerate(actor.roles):
        if role.of is not None:
            yield f"{path}.roles[{i}].of", role.of, "actor", False
        yield f"{path}.roles[{i}].document", role.document, "document", False


def event_refs(event: Event, path: str) -> Iterator[Ref]:
    for i, arg in enumerate(event.arguments):
        yield f"{path}.arguments[{i}].actor", arg.actor, "actor", False
    if event.place is not None:
        yield f"{path}.place.actor", event.place.actor, "actor", False
    if event.time is not None and event.time.anchor_event is not None:
        yield f"{path}.time.anchor_event", event.time.anchor_event, "event", True
    yield from _attribution(event.source, f"{path}.source")
    for i, q in enumerate(event.quantities):
        yield from _attribution(q.source, f"{path}.quantities[{i}].source")
    for i, link in enumerate(event.links):
        yield f"{path}.links[{i}].event", link.event, "event", True


def statement_refs(st: Statement, path: str) -> Iterator[Ref]:
    if st.speaker.actor is not None:
        yield f"{path}.speaker.actor", st.speaker.actor, "actor", False
    for i, ev in enumerate(st.about):
        yield f"{path}.about[{i}]", ev, "event", True
    for i, actor in enumerate(st.addressees):
        yield f"{path}.addressees[{i}]", actor, "actor", False


def document_refs(
    doc: DocumentFile, at: Callable[[str, int], int], *, mentions: bool = True
) -> Iterator[tuple[str, Ref]]:
    """Every reference in a document file, with the id of the record holding it (``at`` gives a
    record's position in the file; ``mentions=False`` leaves out the mentions' actor references)."""
    d = doc.document
    for name, printed in (("publisher", d.publisher), ("dateline", d.dateline)):
        if printed is not None and printed.actor is not None:
            yield d.id, (f"$.document.{name}.actor", printed.actor, "actor", False)
    for i, m in enumerate(doc.mentions if mentions else ()):
        yield m.id, (f"$.mentions[{at('mentions', i)}].actor", m.actor, "actor", False)
    for i, e in enumerate(doc.events):
        for ref in event_refs(e, f"$.events[{at('events', i)}]"):
            yield e.id, ref
    for i, s in enumerate(doc.statements):
        for ref in statement_refs(s, f"$.statements[{at('statements', i)}]"):
            yield s.id, ref


def dangling(out: list[Finding], file: str, path: str, target: str, kind: str, record: str | None) -> None:
    """E202: ``target`` (a reference to a ``kind``) names no record."""
    out.append(finding("E202", file, path, record=record, expected=f"the id of an existing {kind}",
                       found=repr(target), kind=kind, target=target))


def wrong_kind(
    out: list[Finding], file: str, path: str, target: str, kind: str, found_kind: str, where: str, record: str | None
) -> None:
    """E203: ``target`` should name a ``kind`` but names the ``found_kind`` at ``where`` (file and JSON path)."""
    out.append(finding("E203", file, path, record=record, expected=f"{a(kind)} id", found=f"{a(found_kind)} id",
                       target=target, a_found_kind=a(found_kind), where=where, a_kind=a(kind)))


def other_document(
    out: list[Finding], file: str, path: str, target: str, kind: str, found_doc: str | None, home: str,
    record: str | None,
) -> None:
    """E204: ``target`` names a ``kind`` of document ``found_doc`` rather than of ``home``."""
    out.append(finding("E204", file, path, record=record, expected=f"{a(kind)} of document {home!r}",
                       found=f"{a(kind)} of document {found_doc!r}", kind=kind, target=target, found_doc=found_doc,
                       a_kind=a(kind), home=home))


def misplaced(out: list[Finding], file: str, path: str, home: str, named: str, record: str) -> None:
    """E204: the record ``record``, in the file of document ``home``, names document ``named``."""
    out.append(finding("E204", file, path, record=record, expected=repr(home), found=repr(named), kind="record",
                       target=record, found_doc=named, a_kind="a record", home=home))
