"""Flat tables of a corpus: one row per mention, event, argument, statement or actor.

Each row is a plain ``dict`` of strings, numbers, booleans and None, with the names and types
of the actors it refers to joined in, so the tables load into pandas, a spreadsheet or SQL
without the ``hf`` extra. Spans become ``start``/``end``/``text`` columns (code-point offsets,
end exclusive); lists become ``"; "``-joined strings.

>>> rows = communique.load().table("arguments")
>>> rows[0]["event_type"], rows[0]["role"], rows[0]["actor_name"]
>>> df = communique.load().to_pandas("mentions")  # pip install 'communique[pandas]'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .ontology import EVENT_TYPES

if TYPE_CHECKING:
    from .corpus import Corpus
    from .models import Quantity, Span

Row = dict[str, Any]


def _span(prefix: str, span: Span | None) -> Row:
    return {
        f"{prefix}start": None if span is None else span.start,
        f"{prefix}end": None if span is None else span.end,
        f"{prefix}text": None if span is None else span.text,
    }


def _actor(corpus: Corpus, prefix: str, actor_id: str | None) -> Row:
    actor = corpus.actor(actor_id) if actor_id else None
    return {
        f"{prefix}": actor_id,
        f"{prefix}_name": None if actor is None else actor.name,
        f"{prefix}_type": None if actor is None else actor.type,
        f"{prefix}_wikidata": None if actor is None else actor.wikidata,
    }


def _quantity(q: Quantity) -> str:
    value = str(q.value) if q.upper is None else f"{q.value}-{q.upper}"
    return f"{q.what} {q.qualifier} {value} {q.unit}"


def mentions(corpus: Corpus) -> list[Row]:
    """One row per mention."""
    return [
        {"id": m.id, "document": m.document, **_span("", m.span), "kind": m.kind, "metonymy": m.metonymy,
         **_actor(corpus, "actor", m.actor)}
        for m in corpus.mentions
    ]


def events(corpus: Corpus) -> list[Row]:
    """One row per event: its first trigger, all triggers' texts, time, place and factuality."""
    rows = []
    for e in corpus.events:
        mapping = EVENT_TYPES[e.type]
        rows.append({
            "id": e.id, "document": e.document, "type": e.type,
            "plover": mapping.plover, "ace": mapping.ace,
            **_span("trigger_", e.triggers[0]),
            "triggers": "; ".join(t.text for t in e.triggers),
            "arguments": len(e.arguments),
            "factuality": e.factuality, "source_kind": e.source.kind,
            **_actor(corpus, "source_actor", e.source.actor),
            "time": None if e.time is None else e.time.value,
            "time_precision": None if e.time is None else e.time.precision,
            **_actor(corpus, "place", None if e.place is None else e.place.actor),
            "quantities": "; ".join(_quantity(q) for q in e.quantities),
            "links": "; ".join(f"{link.relation}:{link.event}" for link in e.links),
        })
    return rows


def arguments(corpus: Corpus) -> list[Row]:
    """One row per event argument, with the event's type and the actor joined in."""
    return [
        {"event": e.id, "document": e.document, "event_type": e.type, "role": a.role,
         **_actor(corpus, "actor", a.actor), **_span("", a.span)}
        for e in corpus.events
        for a in e.arguments
    ]


def statements(corpus: Corpus) -> list[Row]:
    """One row per statement: speaker, cue and content, with the events it is about."""
    return [
        {"id": s.id, "document": s.document, "type": s.type, "direct": s.direct,
         **_actor(corpus, "speaker", s.speaker.actor), **_span("speaker_", s.speaker.span),
         **_span("cue_", s.cue), **_span("content_", s.content),
         "about": "; ".join(s.about), "addressees": "; ".join(s.addressees)}
        for s in corpus.statements
    ]


def actors(corpus: Corpus) -> list[Row]:
    """One row per actor, with the number of its mentions."""
    return [
        {"id": a.id, "name": a.name, "type": a.type, "wikidata": a.wikidata, "country": a.country,
         "aliases": "; ".join(a.aliases), "roles": "; ".join(dict.fromkeys(r.title for r in a.roles)),
         "members": "; ".join(a.members), "mentions": len(corpus.mentions_of(a.id))}
        for a in corpus.actors
    ]


TABLES: dict[str, Callable[[Corpus], list[Row]]] = {
    "mentions": mentions,
    "events": events,
    "arguments": arguments,
    "statements": statements,
    "actors": actors,
}
"""The table names and the function that makes each."""


def rows(corpus: Corpus, name: str) -> list[Row]:
    """The rows of table ``name``; ValueError naming the tables when there is no such table."""
    make = TABLES.get(name)
    if make is None:
        raise ValueError(f"no table {name!r}; expected one of: {', '.join(TABLES)}")
    return make(corpus)


def dataframe(corpus: Corpus, name: str) -> Any:
    """Table ``name`` as a pandas DataFrame; an error with the install command when pandas is missing."""
    try:
        import pandas as pd  # type: ignore[import-untyped,unused-ignore]  # optional; typed as Any here
    except ModuleNotFoundError:
        from .errors import CommuniqueError

        raise CommuniqueError("pandas is not installed: pip install 'communique[pandas]'") from None
    table = rows(corpus, name)
    return pd.DataFrame.from_records(table, columns=list(table[0]) if table else None)
