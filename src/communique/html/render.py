"""Assemble the self-contained HTML view of one document (optionally beside a prediction)."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from html import escape
from importlib import resources
from pathlib import Path

from ..api import load
from ..corpus import Corpus
from ..errors import CommuniqueError
from ..models import Actor, DocumentFile
from ..writes import write_file
from . import panels
from .diff import SpanDiff, compare
from .marks import LAYERS, Mark, collect
from .ontology import LAYER_NAMES
from .segments import Placed, assign_lanes, fits, render_text

CorpusLike = Corpus | str | Path | None
PredLike = Corpus | DocumentFile | str | Path | None


class UnknownDocumentError(CommuniqueError):
    """The document id is not in the corpus."""


def asset(name: str) -> str:
    """A stylesheet or script shipped in communique/html/assets."""
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _corpus(value: CorpusLike) -> Corpus:
    return value if isinstance(value, Corpus) else load(value)


def _file(corpus: Corpus, doc_id: str, what: str) -> DocumentFile:
    try:
        return corpus.file(doc_id)
    except KeyError:
        known = ", ".join(d.id for d in corpus.documents[:20]) or "none"
        raise UnknownDocumentError(f"no document {doc_id!r} in the {what}; its documents: {known}") from None


class _Side:
    """One column of the view: a document's marks placed on the text."""

    def __init__(self, name: str, prefix: str, doc: DocumentFile, actors: dict[str, Actor], text: str) -> None:
        self.name = name
        self.doc = doc
        self.actors = actors
        marks = collect(doc, actors.values())
        self.bad = [m for m in marks if not fits(text, m)]
        good = [m for m in marks if fits(text, m)]
        self.marks: Sequence[Mark] = good
        self.lanes = assign_lanes(good)
        self.handles = {m.key: f"{prefix}{i}" for i, m in enumerate(good)}

    def placed(self, diff: SpanDiff) -> list[Placed]:
        status = diff.gold_status if self.name == "gold" else diff.pred_status
        return [
            Placed(self.handles[m.key], m, lane, status.get(m.key, ""), tuple(diff.notes.get((self.name, m.key), ())))
            for m, lane in zip(self.marks, self.lanes, strict=True)
        ]


def _catalogue(placed: list[Placed]) -> str:
    out = []
    for p in placed:
        rows = list(p.mark.info)
        rows[2:2] = [("scored", note) for note in p.notes]
        items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
        out.append(f'<dl id="i-{p.n}" class="c-{p.mark.category}">{items}</dl>')
    return "".join(out)


def _legend(placed: list[Placed]) -> str:
    seen = dict.fromkeys((p.mark.layer, p.mark.category) for p in placed)
    items = []
    for layer in LAYERS:
        cats = [c for (lay, c) in seen if lay == layer]
        for cat in cats:
            label = LAYER_NAMES[layer] + ("" if cat == layer else f": {cat}")
            items.append(f'<li><span class="mk L-{layer} c-{cat} lane-0 b z sample">{escape(label)}</span></li>')
    items.append('<li><span class="mk L-mention c-unknown lane-0 b z hl sample">highlighted</span></li>')
    if any(p.status for p in placed):
        items.append('<li><span class="mk L-mention c-unknown lane-0 b z st-missed sample">missed</span></li>')
        items.append('<li><span class="mk L-mention c-unknown lane-0 b z st-spurious sample">spurious</span></li>')
    return f'<details class="panel" open><summary>Legend</summary><ul class="legend">{"".join(items)}</ul></details>'


def _bad(sides: list[_Side]) -> str:
    rows = [
        f"<li>{escape(s.name)}: {escape(m.layer)} {escape(m.owner)} [{m.start}, {m.end}) “{escape(m.text[:80])}”</li>"
        for s in sides
        for m in s.bad
    ]
    if not rows:
        return ""
    return (
        '<section class="panel warn" aria-labelledby="bad-h"><h2 id="bad-h">Spans that do not fit the text</h2>'
        f'<ul>{"".join(rows)}</ul></section>'
    )


def _column(side: _Side, placed: list[Placed], text: str, lang: str, title: str) -> str:
    return (
        f'<section class="doc" data-side="{side.name}" aria-labelledby="h-{side.name}">'
        f'<h2 id="h-{side.name}">{escape(title)}</h2>'
        f'<div class="text" id="text-{side.name}" lang="{escape(lang)}">{render_text(text, placed)}</div></section>'
    )


def _records(side: _Side) -> str:
    return (
        panels.actor_list(side.doc, side.actors, side.name)
        + panels.event_list(side.doc, side.actors, side.name)
        + panels.statement_list(side.doc, side.actors, side.name)
    )


def _header(corpus: Corpus, doc: DocumentFile) -> str:
    d = doc.document
    facts = [
        ("document", d.id),
        ("publisher", d.publisher.value if d.publisher else ""),
        ("dateline", d.dateline.value if d.dateline else ""),
        ("published", f"{d.published.value} ({d.published.source})" if d.published else "not annotated yet"),
        ("genre", d.genre),
        ("status", doc.status),
        ("corpus", f"{corpus.info.name} {corpus.version}"),
    ]
    items = "".join(f"<li><strong>{escape(k)}</strong> {escape(v)}</li>" for k, v in facts if v)
    return f'<header><h1>{escape(d.title or d.id)}</h1><ul class="docmeta">{items}</ul></header>'


def render_html(doc_id: str, corpus: CorpusLike = None, pred: PredLike = None) -> str:
    """The self-contained HTML view of document ``doc_id``.

    ``corpus`` is a loaded :class:`~communique.Corpus` or a corpus directory (default: the
    packaged corpus). ``pred`` (a corpus, a corpus directory or a single
    :class:`~communique.models.DocumentFile`) adds the predicted annotations beside the gold
    ones, with missed and spurious spans marked.
    """
    gold_corpus = _corpus(corpus)
    gold_file = _file(gold_corpus, doc_id, "corpus")
    text = gold_file.document.text
    actors = {a.id: a for a in gold_corpus.actors}
    gold = _Side("gold", "g", gold_file, actors, text)
    sides = [gold]
    diff = SpanDiff()
    if pred is not None:
        if isinstance(pred, DocumentFile):
            pred_corpus = Corpus(gold_corpus.info, gold_corpus.actors, (pred,))
        else:
            pred_corpus = _corpus(pred)
        pred_file = _file(pred_corpus, doc_id, "predicted corpus")
        sides.append(_Side("pred", "p", pred_file, {a.id: a for a in pred_corpus.actors}, text))
        diff = compare(gold_corpus, pred_corpus, doc_id, gold.marks, sides[1].marks)
    placed = {
        "gold": gold.placed(diff),
        "pred": sides[1].placed(diff) if len(sides) > 1 else [],
    }
    lang = gold_file.document.language
    columns = _column(gold, placed["gold"], text, lang, "Gold annotations" if len(sides) > 1 else "Text")
    side_panels = _records(gold)
    if len(sides) > 1:
        columns += _column(sides[1], placed["pred"], text, lang, "Predicted annotations")
        handles = {(s.name, k): h for s in sides for k, h in s.handles.items()}
        side_panels = panels.diff_panel(diff, handles) + side_panels
        side_panels += f'<details class="panel"><summary>Predicted records</summary>{_records(sides[1])}</details>'
    all_placed = placed["gold"] + placed["pred"]
    css, js = asset("view.css"), asset("view.js")
    csp = (
        f"default-src 'none'; style-src {_sha(css)}; script-src {_sha(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = gold_file.document.title or doc_id
    layout = "layout compare" if len(sides) > 1 else "layout"
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f"<title>{escape(title)} · Communiqué</title><style>{css}</style></head><body>"
        f'<a class="skip" href="#text-gold">Skip to the text</a>'
        f'<a class="skip" href="#lists">Skip to the annotation lists</a>{_header(gold_corpus, gold_file)}'
        f'<div class="{layout}"><main>{columns}</main>'
        f'<aside id="lists" aria-label="Annotations">{_bad(sides)}{_legend(all_placed)}{side_panels}</aside></div>'
        f'<div id="tip" role="tooltip" hidden></div><div id="live" class="sr-only" aria-live="polite"></div>'
        f'<div id="catalogue" hidden>{_catalogue(all_placed)}</div>'
        f"<script>{js}</script></body></html>\n"
    )


def write_html(out: str | Path, doc_id: str, corpus: CorpusLike = None, pred: PredLike = None) -> Path:
    """Render ``doc_id`` and write it to ``out`` atomically; return the path written."""
    path = Path(out)
    write_file(path, render_html(doc_id, corpus, pred))
    return path
