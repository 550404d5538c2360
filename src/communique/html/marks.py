"""Every span of a document's annotations as a flat list of marks to draw on the text.

A *mark* is one span of one annotation: a mention, an event trigger, a time expression, a
quantity, a statement's cue, content or speaker, an attribution phrase, a role title or a
heading. Spans that an event or statement merely points at (an argument, a place, a speaker)
are not drawn twice: when a mention covers exactly that span, the mention mark takes the
pointing record in its ``refs`` and the role in its details; otherwise a mark of its own is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..models import Actor, DocumentFile, Event, Span, Statement
from .ontology import actor_category, event_category

LAYERS = (
    "mention",
    "trigger",
    "time",
    "quantity",
    "cue",
    "content",
    "speaker",
    "argument",
    "source",
    "role",
    "heading",
)
"""Every layer, in legend order."""

BACKGROUND_LAYERS = frozenset({"content", "heading"})
"""Layers drawn as a background band (outermost) rather than as a stacked underline."""


@dataclass
class Mark:
    """One span of one annotation, ready to draw."""

    key: str
    """Unique within one side of the view ('mini_001-m03', 'mini_001-e01.trigger.0')."""
    layer: str
    start: int
    end: int
    text: str
    label: str
    """What a span-diff compares besides the offsets (actor id, event type, time value...)."""
    category: str
    """Colour class: the actor type for mentions, the event family for triggers, else the layer."""
    owner: str
    """The record the span belongs to (mention, event, statement, actor or document id)."""
    refs: list[str] = field(default_factory=list)
    """Every record whose list entry highlights this span (owner first)."""
    info: list[tuple[str, str]] = field(default_factory=list)
    """Details shown on hover and focus, as (field, value) rows."""
    pointers: list[tuple[str, str]] = field(default_factory=list)
    """(layer, label) of the argument, place, speaker or source spans that coincide with this mention."""
    tags: list[str] = field(default_factory=list)
    """Every record part this mark shows: its own key, and the keys of the pointers it took in."""


class _Builder:
    def __init__(self, doc: DocumentFile, actors: dict[str, Actor]) -> None:
        self.doc = doc
        self.actors = actors
        self.marks: list[Mark] = []
        self._mentions_at: dict[tuple[int, int], list[Mark]] = {}

    def actor_label(self, actor_id: str | None) -> str:
        if actor_id is None:
            return "(unnamed)"
        actor = self.actors.get(actor_id)
        return f"{actor.name} ({actor_id})" if actor else f"{actor_id} (not in the actor list)"

    def add(
        self,
        key: str,
        layer: str,
        span: Span,
        label: str,
        category: str,
        owner: str,
        refs: list[str] | None = None,
        info: list[tuple[str, str]] | None = None,
    ) -> Mark:
        mark = Mark(
            key=key,
            layer=layer,
            start=span.start,
            end=span.end,
            text=span.text,
            label=label,
            category=category,
            owner=owner,
            refs=[owner, *(refs or [])],
            info=[("id", owner), ("layer", layer), *(info or [])],
            tags=[key],
        )
        self.marks.append(mark)
        return mark

    def pointer(self, key: str, layer: str, span: Span, label: str, owner: str, role: str) -> None:
        """A span an event or statement points at: join the mention marks there, else draw it."""
        covering = self._mentions_at.get((span.start, span.end), [])
        if covering:
            for mark in covering:
                if owner not in mark.refs:
                    mark.refs.append(owner)
                mark.info.append(("role", f"{role} of {owner}"))
                mark.pointers.append((layer, label))
                mark.tags.append(key)
            return
        self.add(key, layer, span, label, layer, owner, info=[("role", role)])

    def mentions(self) -> None:
        for m in self.doc.mentions:
            actor = self.actors.get(m.actor)
            info = [("type", f"{m.kind} mention"), ("actor", self.actor_label(m.actor))]
            if m.metonymy:
                info.append(("metonymy", "yes"))
            mark = self.add(
                m.id, "mention", m.span, m.actor, actor_category(actor.type if actor else None), m.id,
                refs=[m.actor], info=info,
            )
            self._mentions_at.setdefault((m.span.start, m.span.end), []).append(mark)

    def roles(self) -> None:
        doc_id = self.doc.document.id
        for actor in self.actors.values():
            for i, role in enumerate(actor.roles):
                if role.document == doc_id:
                    info = [("type", "role title"), ("actor", self.actor_label(actor.id)), ("value", role.title)]
                    if role.of:
                        info.append(("of", self.actor_label(role.of)))
                    self.add(f"{actor.id}.role.{i}", "role", role.span, role.title, "role", actor.id, info=info)

    def event(self, ev: Event) -> None:
        base = [("event", f"{ev.id} ({ev.type})"), ("factuality", ev.factuality)]
        for i, span in enumerate(ev.triggers):
            self.add(f"{ev.id}.trigger.{i}", "trigger", span, ev.type, event_category(ev.type), ev.id,
                     info=[("type", ev.type), *base[1:]])
        t = ev.time
        if t is not None and t.span is not None:
            value = f"{t.value} ({t.precision}, {t.rule}{', ' + t.mod if t.mod else ''})"
            self.add(f"{ev.id}.time", "time", t.span, t.value, "time", ev.id, info=[*base, ("value", value)])
        for i, qty in enumerate(ev.quantities):
            amount = f"{qty.value}-{qty.upper}" if qty.upper is not None else str(qty.value)
            value = f"{qty.what}: {qty.qualifier} {amount} {qty.unit}"
            self.add(f"{ev.id}.quantity.{i}", "quantity", qty.span, f"{qty.what}:{qty.qualifier}:{amount}",
                     "quantity", ev.id, info=[*base, ("value", value), ("source", qty.source.kind)])
            if qty.source.span is not None:
                self.pointer(f"{ev.id}.quantity.{i}.source", "source", qty.source.span, qty.source.kind,
                             ev.id, f"source of quantity {i + 1}")
        for i, arg in enumerate(ev.arguments):
            if arg.span is not None:
                self.pointer(f"{ev.id}.argument.{i}", "argument", arg.span, f"{arg.role}:{arg.actor}", ev.id,
                             f"{arg.role} ({self.actor_label(arg.actor)})")
        if ev.place is not None and ev.place.span is not None:
            self.pointer(f"{ev.id}.place", "argument", ev.place.span, f"place:{ev.place.actor}", ev.id,
                         f"place ({self.actor_label(ev.place.actor)})")
        src = ev.source
        if src.span is not None and not self._same_as_quantity_source(ev, src.span):
            self.pointer(f"{ev.id}.source", "source", src.span, src.kind, ev.id, f"source ({src.kind})")

    @staticmethod
    def _same_as_quantity_source(ev: Event, span: Span) -> bool:
        return any(q.source.span == span for q in ev.quantities)

    def statement(self, st: Statement) -> None:
        base = [("type", f"{st.type} ({'direct' if st.direct else 'reported'})"),
                ("speaker", self.actor_label(st.speaker.actor))]
        self.add(f"{st.id}.cue", "cue", st.cue, st.type, "cue", st.id, info=base)
        self.add(f"{st.id}.content", "content", st.content, st.type, "content", st.id, info=base)
        if st.speaker.span is not None:
            self.pointer(f"{st.id}.speaker", "speaker", st.speaker.span, st.speaker.actor or "", st.id, "speaker")

    def document(self) -> None:
        d = self.doc.document
        for i, span in enumerate(d.headings):
            self.add(f"{d.id}.heading.{i}", "heading", span, "heading", "heading", d.id, info=[("type", "heading")])
        for name, printed in (("publisher", d.publisher), ("dateline", d.dateline)):
            if printed is not None and printed.span is not None:
                self.pointer(f"{d.id}.{name}", "source", printed.span, name, d.id, name)


def collect(doc: DocumentFile, actors: Iterable[Actor]) -> list[Mark]:
    """Every mark of ``doc``, mentions first, then roles, events, statements and document spans."""
    builder = _Builder(doc, {a.id: a for a in actors})
    builder.mentions()
    builder.roles()
    for ev in doc.events:
        builder.event(ev)
    for st in doc.statements:
        builder.statement(st)
    builder.document()
    return builder.marks
