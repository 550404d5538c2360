"""``communique show DOC_ID``: the document text with its annotations, for review in a terminal.

Each paragraph is printed with its line number and the annotated stretches marked; below it,
every annotation that starts in the paragraph, in text order, with its offsets and labels:

    M  mention     [start,end) "text" -> actor (kind)
    E  trigger     [start,end) "text" -> event id type factuality
    T  time        [start,end) "text" = value (precision, rule)
    Q  quantity    [start,end) "text" = what qualifier value (source)
    S  statement   cue / source / content spans with speaker and type

Text and labels taken from data go through :func:`communique.report.printable`, as the
validator's messages do: control characters and bidirectional overrides in a seed are shown as
escapes ('\\x1b', '\\u202e'), never sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .corpus import Corpus
from .models import Span
from .report import printable

LAYERS = ("mentions", "events", "times", "quantities", "statements")

_COLOURS = {"M": "36", "E": "33", "T": "35", "Q": "31", "S": "32"}


@dataclass(frozen=True, order=True)
class _Item:
    start: int
    end: int
    tag: str
    label: str


def _q(span: Span) -> str:
    return f'[{span.start},{span.end}) "{span.text}"'


def _items(corpus: Corpus, doc_id: str, layers: Iterable[str]) -> list[_Item]:
    f = corpus.file(doc_id)
    wanted = set(layers)
    items: list[_Item] = []
    if "mentions" in wanted:
        for m in f.mentions:
            meto = ", metonymy" if m.metonymy else ""
            items.append(_Item(m.span.start, m.span.end, "M", f"{_q(m.span)} -> {m.actor} ({m.kind}{meto})  {m.id}"))
    for e in f.events:
        if "events" in wanted:
            for t in e.triggers:
                items.append(_Item(t.start, t.end, "E", f"{_q(t)} -> {e.id} {e.type} {e.factuality}"))
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
    doc = corpus.document(doc_id)
    text = doc.text
    items = _items(corpus, doc_id, layers)
    published = doc.published.value if doc.published else "unknown"
    header = f"{doc.id}  publisher: {doc.publisher.value if doc.publisher else '-'}  published: {published}"
    out = [printable(header), ""]
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
