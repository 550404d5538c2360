"""E202 dangling references, E203 references to the wrong kind of record, E204 references
that leave their document.

The messages of these findings are built here only (:func:`dangling`, :func:`wrong_kind`,
:func:`other_document`, :func:`misplaced`): streaming validation calls the same functions, so both
report the same findings."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import ACTORS_FILE
from ..models import Actor, Attribution, DocumentFile, Event, Mention, Statement
from ._context import Context, Kind, Located

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


def document_refs(doc: DocumentFile, *, mentions: bool = True) -> Iterator[tuple[str, Ref]]:
    """Every reference in a document file, with the id of the record holding it (with
    ``mentions=False``, all but the mentions' actor references)."""
    d = doc.document
    for name, printed in (("publisher", d.publisher), ("dateline", d.dateline)):
        if printed is not None and printed.actor is not None:
            yield d.id, (f"$.document.{name}.actor", printed.actor, "actor", False)
    for i, m in enumerate(doc.mentions if mentions else ()):
        yield m.id, (f"$.mentions[{i}].actor", m.actor, "actor", False)
    for i, e in enumerate(doc.events):
        for ref in event_refs(e, f"$.events[{i}]"):
            yield e.id, ref
    for i, s in enumerate(doc.statements):
        for ref in statement_refs(s, f"$.statements[{i}]"):
            yield s.id, ref


def _known(ctx: Context, kind: Kind, local: bool) -> bool:
    """Whether every record that ``kind`` could name was read, so that a missing id is truly dangling."""
    if kind == "actor":
        return ctx.reading.actors_complete
    return local or ctx.reading.documents_complete


def dangling(ctx: Context, file: str, path: str, target: str, kind: str, record: str | None) -> None:
    """E202: ``target`` (a reference to a ``kind``) names no record."""
    ctx.add(
        "E202",
        file,
        path,
        f"reference to {kind} {target!r}, but no record has that id; expected the id of an existing {kind}",
        record=record,
        expected=f"the id of an existing {kind}",
        found=repr(target),
    )


def wrong_kind(
    ctx: Context, file: str, path: str, target: str, kind: str, found_kind: str, where: str, record: str | None
) -> None:
    """E203: ``target`` should name a ``kind`` but names the ``found_kind`` at ``where`` (file and JSON path)."""
    ctx.add(
        "E203",
        file,
        path,
        f"reference {target!r} names a {found_kind} ({where}); expected the id of a {kind}",
        record=record,
        expected=f"a {kind} id",
        found=f"a {found_kind} id",
    )


def other_document(
    ctx: Context, file: str, path: str, target: str, kind: str, found_doc: str | None, home: str, record: str | None
) -> None:
    """E204: ``target`` names a ``kind`` of document ``found_doc`` rather than of ``home``."""
    ctx.add(
        "E204",
        file,
        path,
        f"{kind} {target!r} belongs to document {found_doc!r}; expected a {kind} of document {home!r}",
        record=record,
        expected=f"a {kind} of document {home!r}",
        found=f"a {kind} of document {found_doc!r}",
    )


def misplaced(ctx: Context, file: str, path: str, home: str | None, named: str, record: str) -> None:
    """E204: a record in the file of document ``home`` names document ``named``."""
    ctx.add(
        "E204",
        file,
        path,
        f"record is in the file of document {home!r} but names document {named!r}; expected {home!r}",
        record=record,
        expected=repr(home),
        found=repr(named),
    )


def _resolve(ctx: Context, file: str, record: str | None, ref: Ref, home: str | None) -> None:
    path, target, kind, local = ref
    found: Located | None = ctx.by_id.get(target)
    if found is None and not _known(ctx, kind, local):
        return  # the file that would hold it was refused: its structural finding says why
    if found is None:
        dangling(ctx, file, path, target, kind, record)
    elif found.kind != kind:
        wrong_kind(ctx, file, path, target, kind, found.kind, f"{found.file} {found.path}", record)
    elif local and home is not None and found.document != home:
        other_document(ctx, file, path, target, kind, found.document, home, record)


def check(ctx: Context) -> None:
    for i, actor in enumerate(ctx.actors):
        for ref in actor_refs(actor, f"$.actors[{i}]"):
            _resolve(ctx, ACTORS_FILE, actor.id, ref, None)
    for loc in ctx.records:
        rec = loc.record
        if isinstance(rec, Mention | Event | Statement) and rec.document != loc.document:
            misplaced(ctx, loc.file, f"{loc.path}.document", loc.document, rec.document, rec.id)
    for rel, doc in ctx.documents:
        for record, ref in document_refs(doc):
            _resolve(ctx, rel, record, ref, doc.document.id)
