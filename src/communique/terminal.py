"""``communique show DOC_ID``: the document text with its annotations, for review in a terminal.

A legend of the tags comes first (:data:`LEGEND`). Each paragraph is printed with its line
number and the annotated stretches marked; below it, every annotation that starts in the
paragraph, in text order, with its offsets and labels: the document's publisher, dateline,
headings and date evidence (D), mentions (M), actors' roles and titles (R), event triggers with
their links (E), arguments with their roles and places (A), times (T), quantities (Q) and
statements (S).

Text and labels taken from data go through :func:`communique.report.printable`, as the
validator's messages do: control characters and bidirectional overrides in a seed are shown as
escapes ('\\x1b', '\\u202e'), never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .corpus import Corpus
from .models import Event, Span
from .report import printable

LAYERS = ("document", "mentions", "roles", "events", "arguments", "times", "quantities", "statements")

LEGEND = {
    "D": "document: publisher, dateline, heading, publication date evidence",
    "M": "actor mention -> actor (kind)",
    "R": "role or title of an actor, with its evidence span",
    "E": "event trigger -> event type factuality, its links",
    "A": "argument (role) or place of the event it names -> actor",
    "T": "time = normalised value (precision, rule)",
    "Q": "quantity = what qualifier value (source)",
    "S": "statement: cue and content, speaker and type",
}
"""The tags of the listing, in the order of the legend printed at the top."""

_TAGS = dict(zip(LAYERS, "DMREATQS", strict=True))
"""The tag of each layer."""

_COLOURS = {"D": "34", "M": "36", "R": "36", "E": "33", "A": "33", "T": "35", "Q": "31", "S": "32"}


@dataclass(frozen=True, order=True)
class _Item:
    start: int
    end: int
    tag: str
    label: str


def _q(span: Span) -> str:
    return f'[{span.start},{span.end}) "{span.text}"'


def _at(span: Span | None, anchor: Span) -> tuple[int, int, str]:
    """Where an annotation with an optional span is listed: at its span, else at ``anchor``."""
    return (span.start, span.end, _q(span)) if span is not None else (anchor.start, anchor.start, "(no span)")


def _document_items(corpus: Corpus, doc_id: str) -> list[_Item]:
    doc = corpus.document(doc_id)
    items = []
    for name, printed in (("publisher", doc.publisher), ("dateline", doc.dateline)):
        if printed is not None and printed.span is not None:
            who = f" -> {printed.actor}" if printed.actor else ""
            items.append(_Item(printed.span.start, printed.span.end, "D", f"{_q(printed.span)} {name}{who}"))
    items += [_Item(h.start, h.end, "D", f"{_q(h)} heading") for h in doc.headings]
    if doc.published is not None:
        items += [_Item(ev.start, ev.end, "D", f"{_q(ev)} evidence of the publication date "
                        f"{doc.published.value}") for ev in doc.published.evidence]
    return items


def _role_items(corpus: Corpus, doc_id: str) -> list[_Item]:
    return [
        _Item(r.span.start, r.span.end, "R", f"{_q(r.span)} {r.title}{f' of {r.of}' if r.of else ''}: {a.id}")
        for a in corpus.actors for r in a.roles if r.document == doc_id
    ]


def _argument_items(e: Event) -> list[_Item]:
    items = []
    for arg in e.arguments:
        start, end, where = _at(arg.span, e.triggers[0])
        items.append(_Item(start, end, "A", f"{where} {arg.role} of {e.id} -> {arg.actor}"))
    if e.place is not None:
        start, end, where = _at(e.place.span, e.triggers[0])
        items.append(_Item(start, end, "A", f"{where} place of {e.id} -> {e.place.actor}"))
    return items


def _items(corpus: Corpus, doc_id: str, layers: Iterable[str]) -> list[_Item]:
    f = corpus.file(doc_id)
    wanted = set(layers)
    items: list[_Item] = []
    if "document" in wanted:
        items += _document_items(corpus, doc_id)
    if "roles" in wanted:
        items += _role_items(corpus, doc_id)
    if "mentions" in wanted:
        for m in f.mentions:
            meto = ", metonymy" if m.metonymy else ""
            items.append(_Item(m.span.start, m.span.end, "M", f"{_q(m.span)} -> {m.actor} ({m.kind}{meto})  {m.id}"))
    for e in f.events:
        if "events" in wanted:
            links = "".join(f", {link.relation} {link.event}" for link in e.links)
            for t in e.triggers:
                items.append(_Item(t.start, t.end, "E", f"{_q(t)} -> {e.id} {e.type} {e.factuality}{links}"))
        if "arguments" in wanted:
            items += _argument_items(e)
        tv = e.time
        tspan = tv.span if tv is not None else None
        if "times" in wanted and tv is not None and tspan is not None:
            items.append(
                _Item(tspan.start, tspan.end, "T", f"{_q(tspan)} = {tv.value} ({tv.precision}, {tv.rule}) for {e.id}")
            )
        if "quantities" in wanted:
            for qv in e.quantities:
                who = qv.source.actor or qv.source.kind
                items.append(
                    _Item(
                        qv.span.start,
                        qv.span.end,
                        "Q",
                        f"{_q(qv.span)} = {qv.what} {qv.qualifier} {qv.value} (source: {who}) for {e.id}",
                    )
                )
    if "statements" in wanted:
        for s in f.statements:
            speaker = s.speaker.actor or "unnamed"
            items.append(_Item(s.cue.start, s.cue.end, "S", f"{_q(s.cue)} cue of {s.id} {s.type} by {speaker}"))
            direct = "direct" if s.direct else "indirect"
            items.append(_Item(s.content.start, s.content.end, "S", f"{_q(s.content)} content of {s.id} ({direct})"))
    return sorted(items)


def _mark(line: str, offset: int, items: list[_Item], color: bool) -> str:
    if not color:
        return printable(line)
    covered = [False] * len(line)
    for it in items:
        for i in range(max(it.start, offset), min(it.end, offset + len(line))):
            covered[i - offset] = True
    out = []
    for i, ch in enumerate(line):
        shown = printable(ch)
        out.append(f"\x1b[4m{shown}\x1b[0m" if covered[i] else shown)
    return "".join(out)


def render_terminal(corpus: Corpus, doc_id: str, *, layers: Iterable[str] = LAYERS, color: bool = False) -> str:
    """The document with its annotations, as plain text (ANSI colour when ``color``)."""
    layers = tuple(layers)
    doc = corpus.document(doc_id)
    text = doc.text
    items = _items(corpus, doc_id, layers)
    published = doc.published.value if doc.published else "unknown"
    header = f"{doc.id}  publisher: {doc.publisher.value if doc.publisher else '-'}  published: {published}"
    shown = {_TAGS[layer] for layer in layers if layer in _TAGS}
    legend = [f"  {tag}  {what}" for tag, what in LEGEND.items() if tag in shown]
    out = [printable(header), "legend:", *legend, ""]
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        end = offset + len(line)
        out.append(f"{number:>3} | {_mark(line, offset, items, color)}")
        for it in items:
            if offset <= it.start < end or (it.start == end and not line):
                tag = f"\x1b[{_COLOURS[it.tag]}m{it.tag}\x1b[0m" if color else it.tag
                out.append(f"    {tag}  {printable(it.label)}")
        offset = end + 1
    return "\n".join(out) + "\n"
