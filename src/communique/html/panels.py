"""The lists beside the text: actors, events, statements, and the differences in a comparison.

Every list entry is a real ``<button>`` that highlights its record's spans; every piece of
data is escaped here, since names and texts are untrusted.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from ..models import Actor, DocumentFile, Event, Statement
from ..models._base import QID_PATTERN
from ..scoring.report import Counts
from .diff import SpanDiff

CONTENT_PREVIEW = 240
"""Statement contents longer than this are cut in the list (the full text is in the document)."""


def _button(side: str, ref: str, label: str) -> str:
    return (
        f'<button type="button" class="rec" data-side="{escape(side)}" data-ref="{escape(ref)}" '
        f'aria-pressed="false">{escape(label)}</button>'
    )


def _rows(rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows if v)
    return f'<dl class="facts">{items}</dl>'


def referenced_actors(doc: DocumentFile, actors: dict[str, Actor]) -> list[str]:
    """Ids of the actors the document refers to, in order of first reference."""
    ids: list[str] = [m.actor for m in doc.mentions]
    for ev in doc.events:
        ids += [a.actor for a in ev.arguments]
        ids += [ev.place.actor] if ev.place else []
        ids += [ev.source.actor] if ev.source.actor else []
    for st in doc.statements:
        ids += [st.speaker.actor] if st.speaker.actor else []
        ids += st.addressees
    for printed in (doc.document.publisher, doc.document.dateline):
        if printed is not None and printed.actor:
            ids.append(printed.actor)
    ids += [a.id for a in actors.values() if any(r.document == doc.document.id for r in a.roles)]
    return list(dict.fromkeys(ids))


def _name(actors: dict[str, Actor], actor_id: str | None) -> str:
    if actor_id is None:
        return "unnamed source"
    actor = actors.get(actor_id)
    return actor.name if actor else actor_id


def actor_list(doc: DocumentFile, actors: dict[str, Actor], side: str) -> str:
    counts = Counter(m.actor for m in doc.mentions)
    items = []
    for actor_id in referenced_actors(doc, actors):
        actor = actors.get(actor_id)
        kind = actor.type if actor else "not in the actor list"
        link = ""
        if actor and actor.wikidata and re.fullmatch(QID_PATTERN, actor.wikidata):
            qid = escape(actor.wikidata)
            link = f' <a href="https://www.wikidata.org/wiki/{qid}" rel="noopener noreferrer">Wikidata {qid}</a>'
        aliases = f" · also {escape(', '.join(actor.aliases))}" if actor and actor.aliases else ""
        items.append(
            f"<li>{_button(side, actor_id, _name(actors, actor_id))}"
            f'<span class="meta"> {escape(kind)} · {counts[actor_id]} mention(s){aliases}</span>{link}</li>'
        )
    return _section(f"{side}-actors", "Actors", items)


def _event_rows(ev: Event, actors: dict[str, Actor]) -> list[tuple[str, str]]:
    time = "—"
    if ev.time is not None:
        t = ev.time
        said = f" “{t.span.text}”" if t.span else ""
        time = f"{t.value} ({t.precision}, {t.rule}){said}"
    quantities = "; ".join(
        f"{q.what} {q.qualifier} {q.value}{'-' + str(q.upper) if q.upper is not None else ''} {q.unit}"
        for q in ev.quantities
    )
    return [
        ("triggers", ", ".join(f"“{s.text}”" for s in ev.triggers)),
        ("time", time),
        ("participants", "; ".join(f"{a.role}: {_name(actors, a.actor)}" for a in ev.arguments) or "—"),
        ("place", _name(actors, ev.place.actor) if ev.place else ""),
        ("factuality", ev.factuality),
        ("source", f"{ev.source.kind}" + (f": {_name(actors, ev.source.actor)}" if ev.source.actor else "")),
        ("quantities", quantities),
        ("links", "; ".join(f"{link.relation} {link.event}" for link in ev.links)),
    ]


def event_list(doc: DocumentFile, actors: dict[str, Actor], side: str) -> str:
    items = [
        f"<li>{_button(side, ev.id, f'{ev.id} · {ev.type}')}{_rows(_event_rows(ev, actors))}</li>" for ev in doc.events
    ]
    return _section(f"{side}-events", "Events", items)


def _statement_rows(st: Statement, actors: dict[str, Actor]) -> list[tuple[str, str]]:
    content = st.content.text
    if len(content) > CONTENT_PREVIEW:
        content = content[:CONTENT_PREVIEW] + "…"
    return [
        ("speaker", _name(actors, st.speaker.actor)),
        ("cue", f"“{st.cue.text}”"),
        ("type", f"{st.type} ({'direct' if st.direct else 'reported'})"),
        ("content", content),
        ("about", ", ".join(st.about)),
    ]


def statement_list(doc: DocumentFile, actors: dict[str, Actor], side: str) -> str:
    items = [
        f"<li>{_button(side, st.id, f'{st.id} · {_name(actors, st.speaker.actor)} · {st.cue.text}')}"
        f"{_rows(_statement_rows(st, actors))}</li>"
        for st in doc.statements
    ]
    return _section(f"{side}-statements", "Statements", items)


def _section(ident: str, title: str, items: list[str]) -> str:
    body = f'<ul class="recs">{"".join(items)}</ul>' if items else '<p class="none">None annotated.</p>'
    return (
        f'<section class="panel" aria-labelledby="{ident}-h">'
        f'<h2 id="{ident}-h">{escape(title)} <span class="count">({len(items)})</span></h2>{body}</section>'
    )


def _f1(matched: int, gold: int, pred: int) -> str:
    c = Counts(tp=matched, fp=pred - matched, fn=gold - matched)  # the scorer's conventions for empty cases
    return f"<td>{c.precision:.2f}</td><td>{c.recall:.2f}</td><td>{c.f1:.2f}</td>"


_COLUMNS = (
    ("gold", "gold units"),
    ("pred", "predicted units"),
    ("tp", "matched: true positives"),
    ("fn", "missed: false negatives"),
    ("fp", "spurious: false positives"),
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "F1"),
)


def diff_panel(diff: SpanDiff, handles: dict[tuple[str, str], str]) -> str:
    """Counts per layer and one button per missed or spurious unit (it highlights that span)."""
    rows = "".join(
        f"<tr><th scope='row'>{escape(c.layer)}</th><td>{c.gold}</td><td>{c.pred}</td>"
        f"<td>{c.matched}</td><td>{c.missed}</td><td>{c.spurious}</td>{_f1(c.matched, c.gold, c.pred)}</tr>"
        for c in diff.counts
    )
    heads = "".join(
        f"<th scope='col'><abbr title='{escape(long)}'>{escape(short)}</abbr></th>" for short, long in _COLUMNS
    )
    table = (
        "<div class='scroll' tabindex='0' role='region' aria-label='Counts per task'><table class='counts'>"
        "<caption>This document, scored as the benchmark does (strict)</caption>"
        f"<thead><tr><th scope='col'>task</th>{heads}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
    items = []
    for status, side, found in (("missed", "gold", diff.missed), ("spurious", "pred", diff.spurious)):
        for description, key in found:
            target = handles.get((side, key), "")
            text = f"{status} {description}"
            if not target:  # nothing drawn for it (an argument without a span): a plain entry
                items.append(f'<li class="st-{status}">{escape(text)}</li>')
                continue
            items.append(
                f'<li><button type="button" class="rec st-{status}" data-side="{side}" data-target="{escape(target)}" '
                f'aria-pressed="false">{escape(text)}</button></li>'
            )
    listing = f'<ul class="recs">{"".join(items)}</ul>' if items else '<p class="none">No differences.</p>'
    return (
        '<section class="panel" aria-labelledby="diff-h"><h2 id="diff-h">Differences</h2>'
        f"{table}{listing}</section>"
    )
