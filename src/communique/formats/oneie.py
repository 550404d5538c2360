"""OneIE / TextEE sentence windows (JSON Lines), the common input of event-extraction frameworks.

An export is a folder::

    windows.jsonl              one object per sentence window (TextEE's processed-data layout)
    communique-sidecar.json    what windows cannot hold, keyed by record id (see formats._sidecar)
    communique-export.json     format, package and corpus versions, the tokenizer's name and version
    report.json                per window, what it could not hold (cross-sentence arguments, times...)
    seeds/<document>.txt       the documents' texts, byte for byte

Windows are sentences and tokens come from :mod:`communique.formats._text` (pinned with the
package, no model). Token offsets are window-relative, end exclusive, as in TextEE; each token is
an exact slice of the window's text, so every token maps back to code points of the seed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, Final

from ..corpus import Corpus
from ..layout import seed_file
from ..models import DocumentFile, Span
from ..ontology import ACTOR_TYPES, EVENT_TYPES
from . import _text
from ._common import EXPORT_INFO, SIDECAR, Export, export_info, jsonl, sidecar
from ._sidecar import ref

NAME = "oneie"
WINDOWS = "windows.jsonl"
REPORT = "report.json"

MENTION_TYPE: Final = {"name": "NAM", "nominal": "NOM", "pronoun": "PRO"}
"""Communiqué mention kinds as OneIE's ``mention_type`` (ACE's NAM, NOM, PRO)."""

PLACE_ROLE = "place"
"""The argument role an event's place gets (ACE's Place)."""

FIELDS: Final = (
    ("document.id", "`doc_id`", ""),
    ("document.language", "`lang`", ""),
    ("document (other metadata)", None, "title, publisher, dateline, publication date, headings, genre"),
    ("mention.span", "`entity_mentions[].start/end/text`", "token offsets of the sentence window"),
    ("mention.id", "`entity_mentions[].id`", ""),
    ("mention.kind", "`entity_mentions[].mention_type`", "NAM, NOM, PRO"),
    ("mention.actor", None, "OneIE has entity mentions but no entities"),
    ("actor.type", "`entity_mentions[].entity_type/entity_subtype`", "ACE type.subtype (four actor types: ORG)"),
    ("actor (name, Wikidata id, roles, country, members)", None, ""),
    ("mention.metonymy", None, ""),
    ("event.type", "`event_mentions[].event_type`", "ACE Type:Subtype where the ontology has one, else ours"),
    ("event.triggers", "`event_mentions[].trigger`", "one event mention per trigger, id `<event id>-t<n>`"),
    ("event.arguments", "`event_mentions[].arguments[]`", "only those in the trigger's sentence; role as ours"),
    ("event.arguments (implicit or in another sentence)", None, "counted in report.json"),
    ("event.place", "`arguments[]` with role `place`", "when the place span is in the trigger's sentence"),
    ("event.time, factuality, source, quantities, links, note", None, ""),
    ("statement (all fields)", None, "windows have no attribution layer"),
)
"""Where each Communiqué field goes: (field, the format's key or None for the sidecar only, note)."""


def entity_type(actor_type: str) -> tuple[str, str | None]:
    """ACE entity type and subtype of a Communiqué actor type ('PER', 'Individual')."""
    ace = ACTOR_TYPES[actor_type].ace  # type: ignore[index]  # the models guarantee an ActorType
    main, _, sub = ace.partition(".")
    return main, sub or None


def event_type(communique_type: str) -> str:
    """The ``event_type`` written: ACE 'Conflict:Attack' where the ontology maps one, else our label."""
    ace = EVENT_TYPES[communique_type].ace  # type: ignore[index]  # the models guarantee an EventType
    return ace.replace(".", ":", 1) if ace else communique_type


class _Doc:
    """The windows of one document with a lookup from offsets to token indices."""

    def __init__(self, file: DocumentFile) -> None:
        self.file = file
        self.text = file.document.text
        self.windows = _text.windows(self.text)
        self.ids = [f"{file.document.id}-w{n:03d}" for n in range(len(self.windows))]
        self.starts: dict[int, tuple[int, int]] = {}
        self.ends: dict[int, tuple[int, int]] = {}
        for w, window in enumerate(self.windows):
            for i, (a, b) in enumerate(window.tokens):
                self.starts[a] = (w, i)
                self.ends[b] = (w, i + 1)

    def locate(self, span: Span | None) -> tuple[int, int, int] | None:
        """(window, first token, end token) of a span on token boundaries inside one window, else None."""
        if span is None or span.start not in self.starts or span.end not in self.ends:
            return None
        (w, i), (w2, j) = self.starts[span.start], self.ends[span.end]
        return (w, i, j) if w == w2 and i < j else None

    def window_of(self, span: Span | None) -> int | None:
        if span is None:
            return None
        for w, window in enumerate(self.windows):
            if window.start <= span.start and span.end <= window.end:
                return w
        return None


def export(corpus: Corpus) -> Export:
    """The OneIE/TextEE export of ``corpus`` (all documents, corpus order)."""
    result = Export()
    rows: list[dict[str, Any]] = []
    report_rows: list[dict[str, Any]] = []
    documents = []
    totals: Counter[str] = Counter()
    for file in corpus.files:
        doc_rows, doc_report, entry = document_windows(file, lambda a: corpus.actor(a).type, totals)
        rows += doc_rows
        report_rows += doc_report
        documents.append(entry)
        result.files[seed_file(file.document.seed)] = file.document.text.encode("utf-8")
    totals["windows"] = len(rows)
    result.summary = dict(sorted(totals.items()))
    result.files[WINDOWS] = jsonl(rows)
    result.files[SIDECAR] = sidecar(corpus, documents)
    result.files[REPORT] = jsonl([{"totals": result.summary}, *report_rows])
    result.files[EXPORT_INFO] = export_info(
        NAME, corpus, tokenizer={"name": _text.TOKENIZER, "version": _text.TOKENIZER_VERSION}
    )
    return result


def document_windows(
    file: DocumentFile, actor_type: Callable[[str], str], totals: Counter[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """One document's window rows, its report rows and its sidecar entry (``totals`` counts what was dropped)."""
    d = _Doc(file)
    dumped = file.model_dump(mode="json")
    rows: list[dict[str, Any]] = [
        {
            "doc_id": file.document.id,
            "wnd_id": d.ids[w],
            "text": d.text[window.start : window.end],
            "lang": file.document.language,
            "tokens": [d.text[a:b] for a, b in window.tokens],
            "entity_mentions": [],
            "relation_mentions": [],
            "event_mentions": [],
        }
        for w, window in enumerate(d.windows)
    ]
    dropped: list[Counter[str]] = [Counter() for _ in d.windows]
    held: dict[tuple[int, int, int, str], str] = {}
    for m, mention in enumerate(file.mentions):
        at = d.locate(mention.span)
        if at is None:
            totals["unaligned_span"] += 1
            continue
        rows[at[0]]["entity_mentions"].append(_entity(mention.id, actor_type(mention.actor), at, mention.span,
                                                      MENTION_TYPE[mention.kind]))
        held[(*at, mention.actor)] = mention.id
        dumped["mentions"][m]["span"] = ref(mention.id)
        totals["entity_mentions"] += 1
    for e in range(len(file.events)):
        _event(actor_type, d, e, rows, dropped, held, dumped["events"][e], totals)
    for statement in file.statements:
        w = d.window_of(statement.cue)
        if w is not None:
            dropped[w]["statement"] += 1
    report = []
    for w, counts in enumerate(dropped):
        totals.update({f"dropped_{k}": v for k, v in counts.items()})
        if counts:
            report.append({"doc_id": file.document.id, "wnd_id": d.ids[w], "dropped": dict(sorted(counts.items()))})
    entry = {"file": dumped, "windows": {d.ids[w]: window.start for w, window in enumerate(d.windows)}}
    return rows, report, entry


def _entity(ident: str, actor_type: str, at: tuple[int, int, int], span: Span, kind: str | None) -> dict[str, Any]:
    main, sub = entity_type(actor_type)
    row = {"id": ident, "entity_type": main, "entity_subtype": sub, "mention_type": kind,
           "start": at[1], "end": at[2], "text": span.text}
    return {k: v for k, v in row.items() if v is not None}  # OneIE's readers expect a string when the key is there


def _event(actor_type: Callable[[str], str], d: _Doc, e: int, rows: list[Any], dropped: list[Counter[str]],
           held: dict[tuple[int, int, int, str], str], dumped: dict[str, Any], totals: Counter[str]) -> None:
    event = d.file.events[e]
    fillers: list[tuple[str, str, Span | None, dict[str, Any]]] = [
        (a.role, a.actor, a.span, dumped["arguments"][i]) for i, a in enumerate(event.arguments)
    ]
    if event.place is not None:
        fillers.append((PLACE_ROLE, event.place.actor, event.place.span, dumped["place"]))
    mentions: dict[int, list[dict[str, Any]]] = {}
    for k, trigger in enumerate(event.triggers):
        at = d.locate(trigger)
        if at is None:
            totals["unaligned_span"] += 1
            continue
        mention: dict[str, Any] = {"id": f"{event.id}-t{k}", "event_type": event_type(event.type),
                   "trigger": {"start": at[1], "end": at[2], "text": trigger.text}, "arguments": []}
        rows[at[0]]["event_mentions"].append(mention)
        mentions.setdefault(at[0], []).append(mention)
        dumped["triggers"][k] = ref(mention["id"])
        totals["event_mentions"] += 1
        if event.time is not None and event.time.span is not None:
            dropped[at[0]]["time"] += 1
        if event.quantities:
            dropped[at[0]]["quantity"] += len(event.quantities)
    for n, (role, actor, span, out) in enumerate(fillers):
        at = d.locate(span)
        for w in mentions:
            if at is None or at[0] != w:
                dropped[w]["implicit_argument" if span is None else "cross_window_argument"] += 1
        if at is None or at[0] not in mentions or span is None:
            continue
        entity_id = held.get((*at, actor))
        if entity_id is None:
            entity_id = f"{event.id}-a{n}"
            rows[at[0]]["entity_mentions"].append(_entity(entity_id, actor_type(actor), at, span, None))
            held[(*at, actor)] = entity_id
        for mention in mentions[at[0]]:
            mention["arguments"].append({"entity_id": entity_id, "role": role, "text": span.text,
                                         "start": at[1], "end": at[2]})
        out["span"] = ref(entity_id)
        totals["arguments"] += 1


def release_rows_of(file: DocumentFile, actor_type: Callable[[str], str]) -> list[dict[str, Any]]:
    """One document's windows as rows of the release's ``oneie`` config (every key, null where absent)."""
    from .oneie_model import Window

    rows, _, _ = document_windows(file, actor_type, Counter())
    return [Window.model_validate(r).model_dump(mode="json") for r in rows]


def release_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """The ``oneie`` config's rows: every document's windows, in corpus order."""
    return [row for file in corpus.files for row in release_rows_of(file, lambda a: corpus.actor(a).type)]
