"""brat standoff: ``<document>.txt`` (the seed, byte for byte), ``<document>.ann`` and ``annotation.conf``.

The ``.ann`` lines (brat's standoff format, https://brat.nlplab.org/standoff.html):

- ``T`` text-bound annotations: every mention (typed by its actor's type), every trigger (typed by
  its event type, '.' written '-': ``contact-meet``), argument spans that are no mention, time
  expressions (``time``), quantities (``quantity``), statement cues (``Attribution``) and contents
  (``Content``). A span across a line break or tab becomes a discontinuous span (``0 5;6 9``).
- ``E`` events: one per trigger; the first carries the arguments (``agent:T3 agent2:T4``, brat's
  numbering of repeated roles), ``place``, ``time`` and ``quantity``; the others point to it with a
  ``Coreference`` relation. Statements are ``Attribution`` events with ``Source`` and ``Content``
  (the PolNeAR layout).
- ``R`` relations: event links (``part_of``, ``caused_by``, ``object``, ``about``) and statements'
  ``about`` events. ``A`` attributes: ``Kind`` and ``Metonymy`` of mentions, ``Factuality`` of
  events, ``SpeechAct`` and ``Direct`` of statements. ``N`` normalizations: Wikidata ids of actors.
  ``#`` notes: the actor id of each mention, time values, quantities and annotators' notes.

Offsets count code points, as brat (a Python program) does. What brat cannot hold goes to the
sidecar (:mod:`communique.formats._sidecar`).
"""

from __future__ import annotations

import re
from typing import Any, Final

from ..corpus import Corpus
from ..models import ActorType, DocumentFile, EventType, Factuality, MentionKind, Span, SpeechAct
from ..models.event import ArgumentRole, Relation
from ..models.shape import label_set
from ._common import EXPORT_INFO, SIDECAR, Export, export_info, sidecar
from ._sidecar import ref

NAME = "brat"
CONF = "annotation.conf"
TOOLS = "tools.conf"
BREAKS = re.compile(r"[\n\r\t]+")
"""Characters a ``.ann`` line cannot hold: a span across them is written as fragments around them."""

TIME, QUANTITY, STATEMENT, CONTENT, SOURCE = "time", "quantity", "Attribution", "Content", "Source"
PLACE, COREFERENCE = "place", "Coreference"

FIELDS: Final = (
    ("document.id", "`<id>.txt` / `<id>.ann` file names", "the .txt is the seed, byte for byte"),
    ("document (other metadata)", None, "title, publisher, dateline, publication date, headings, genre"),
    ("mention.span", "`T` line", "typed by the actor's type"),
    ("mention.kind", "`A` Kind", ""),
    ("mention.metonymy", "`A` Metonymy", ""),
    ("mention.actor", "`#` AnnotatorNotes `actor=<id>`", "a note, not a brat structure"),
    ("actor.wikidata", "`N` Reference `Wikidata:<QID>`", "on every mention of the actor"),
    ("actor (name, type, roles, country, members)", None, "the type is the mention's T type"),
    ("event.type", "`T` / `E` type", "`contact.meet` written `contact-meet`"),
    ("event.triggers", "`T` + `E` per trigger", "later triggers: `R` Coreference to the first"),
    ("event.arguments", "`E` roles", "implicit arguments (no span) only in the sidecar"),
    ("event.place", "`E` role `place`", "when it has a span"),
    ("event.time", "`T` time + `E` role `time`", "the normalised value as a `#` note"),
    ("event.quantities", "`T` quantity + `E` role `quantity`", "value and qualifier as a `#` note"),
    ("event.factuality", "`A` Factuality", ""),
    ("event.links", "`R` part_of / caused_by / object / about", ""),
    ("event.source (attribution)", None, ""),
    ("event.note", "`#` AnnotatorNotes", "tabs and line breaks as spaces"),
    ("statement.cue", "`T` + `E` Attribution", ""),
    ("statement.speaker", "`E` role Source", "when it has a span"),
    ("statement.content", "`T` Content + `E` role Content", ""),
    ("statement.type", "`A` SpeechAct", ""),
    ("statement.direct", "`A` Direct", ""),
    ("statement.about", "`R` about", ""),
    ("statement.addressees", None, "actors without spans"),
)
"""Where each Communiqué field goes: (field, the brat line or None for the sidecar only, note)."""


def label(event_type: str) -> str:
    """The brat type of a Communiqué event type ('contact.meet' -> 'contact-meet')."""
    return event_type.replace(".", "-")


def _clean(text: str) -> str:
    return BREAKS.sub(" ", text)


class _Ann:
    """The lines of one ``.ann`` file, with the sidecar's references to them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.counts = {"T": 0, "E": 0, "R": 0, "A": 0, "N": 0, "#": 0}
        self.shared: dict[tuple[str, int, int], str] = {}

    def _next(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def entity(self, kind: str, span: Span, share: bool = False) -> str:
        key = (kind, span.start, span.end)
        if share and key in self.shared:
            return self.shared[key]
        ident = self._next("T")
        pieces, at = [], span.start
        for m in BREAKS.finditer(span.text):
            pieces.append((at, span.start + m.start()))
            at = span.start + m.end()
        pieces.append((at, span.end))
        locs = ";".join(f"{a} {b}" for a, b in pieces if b > a)
        self.lines.append(f"{ident}\t{kind} {locs}\t{' '.join(self.text[a:b] for a, b in pieces if b > a)}")
        if share:
            self.shared[key] = ident
        return ident

    def event(self, kind: str, trigger: str, args: list[tuple[str, str]]) -> str:
        ident, seen = self._next("E"), dict[str, int]()
        parts = [f"{kind}:{trigger}"]
        for role, target in args:
            seen[role] = seen.get(role, 0) + 1
            parts.append(f"{role}{seen[role] if seen[role] > 1 else ''}:{target}")
        self.lines.append(f"{ident}\t{' '.join(parts)}")
        return ident

    def relation(self, kind: str, a: str, b: str) -> None:
        self.lines.append(f"{self._next('R')}\t{kind} Arg1:{a} Arg2:{b}")

    def attribute(self, kind: str, target: str, value: str | None = None) -> None:
        self.lines.append(f"{self._next('A')}\t{kind} {target}" + (f" {value}" if value else ""))

    def note(self, target: str, text: str) -> None:
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{_clean(text)}")

    def norm(self, target: str, qid: str, name: str) -> None:
        self.lines.append(f"{self._next('N')}\tReference {target} Wikidata:{qid}\t{_clean(name)}")


def export(corpus: Corpus) -> Export:
    """The brat export of ``corpus``: one .txt and .ann per document, annotation.conf, sidecar."""
    result = Export()
    entries = []
    for file in corpus.files:
        ann, dumped = _document(corpus, file)
        doc_id = file.document.id
        result.files[f"{doc_id}.txt"] = file.document.text.encode("utf-8")
        result.files[f"{doc_id}.ann"] = "".join(line + "\n" for line in ann.lines)
        entries.append({"file": dumped})
        for kind, n in ann.counts.items():
            result.summary[f"{kind}_lines"] = result.summary.get(f"{kind}_lines", 0) + n
    result.summary["documents"] = len(corpus.files)
    result.files[CONF] = annotation_conf()
    result.files[TOOLS] = "[normalization]\nWikidata\t<URL>:https://www.wikidata.org, <URLBASE>:https://www.wikidata.org/wiki/%s\n"
    result.files[SIDECAR] = sidecar(corpus, entries)
    result.files[EXPORT_INFO] = export_info(NAME, corpus, brat_files="<document id>.txt / .ann")
    return result


def _document(corpus: Corpus, file: DocumentFile) -> tuple[_Ann, dict[str, Any]]:
    ann = _Ann(file.document.text)
    dumped = file.model_dump(mode="json")
    mention_ids: dict[tuple[str, int, int], str] = {}
    for m, mention in enumerate(file.mentions):
        actor = corpus.actor(mention.actor)
        t = ann.entity(actor.type, mention.span)
        mention_ids.setdefault((mention.actor, mention.span.start, mention.span.end), t)
        dumped["mentions"][m]["span"] = ref(t)
        ann.attribute("Kind", t, mention.kind)
        if mention.metonymy:
            ann.attribute("Metonymy", t)
        ann.note(t, f"actor={mention.actor}")
        if actor.wikidata:
            ann.norm(t, actor.wikidata, actor.name)

    def filler(actor_id: str | None, span: Span, kind: str | None = None) -> str:
        found = mention_ids.get((actor_id or "", span.start, span.end))
        if found:
            return found
        return ann.entity(kind or (corpus.actor(actor_id).type if actor_id else SOURCE), span, share=True)

    first: dict[str, str] = {}
    for e, event in enumerate(file.events):
        out = dumped["events"][e]
        args: list[tuple[str, str]] = []
        for i, arg in enumerate(event.arguments):
            if arg.span is not None:
                target = filler(arg.actor, arg.span)
                args.append((arg.role, target))
                out["arguments"][i]["span"] = ref(target)
        if event.place is not None and event.place.span is not None:
            target = filler(event.place.actor, event.place.span)
            args.append((PLACE, target))
            out["place"]["span"] = ref(target)
        if event.time is not None and event.time.span is not None:
            target = ann.entity(TIME, event.time.span, share=True)
            args.append((TIME, target))
            out["time"]["span"] = ref(target)
            ann.note(target, f"value={event.time.value} precision={event.time.precision}")
        for q, quantity in enumerate(event.quantities):
            target = ann.entity(QUANTITY, quantity.span, share=True)
            args.append((QUANTITY, target))
            out["quantities"][q]["span"] = ref(target)
            ann.note(target, f"{quantity.what} {quantity.qualifier} {quantity.value}"
                     + (f"-{quantity.upper}" if quantity.upper is not None else ""))
        for k, trigger in enumerate(event.triggers):
            t = ann.entity(label(event.type), trigger, share=True)
            out["triggers"][k] = ref(t)
            ident = ann.event(label(event.type), t, args if k == 0 else [])
            ann.attribute("Factuality", ident, event.factuality)
            if k == 0:
                first[event.id] = ident
                if event.note:
                    ann.note(ident, event.note)
            else:
                ann.relation(COREFERENCE, ident, first[event.id])
    for event in file.events:
        for link in event.links:
            ann.relation(link.relation, first[event.id], first[link.event])
    for s, statement in enumerate(file.statements):
        _statement(ann, statement, dumped["statements"][s], filler, first)
    return ann, dumped


def _statement(ann: _Ann, statement: Any, out: dict[str, Any], filler: Any, first: dict[str, str]) -> None:
    cue = ann.entity(STATEMENT, statement.cue, share=True)
    out["cue"] = ref(cue)
    content = ann.entity(CONTENT, statement.content, share=True)
    out["content"] = ref(content)
    args = []
    if statement.speaker.span is not None:
        source = filler(statement.speaker.actor, statement.speaker.span)
        out["speaker"]["span"] = ref(source)
        args.append((SOURCE, source))
    args.append((CONTENT, content))
    ident = ann.event(STATEMENT, cue, args)
    ann.attribute("SpeechAct", ident, statement.type)
    if statement.direct:
        ann.attribute("Direct", ident)
    for event_id in statement.about:
        ann.relation("about", ident, first[event_id])
    if statement.note:
        ann.note(ident, statement.note)


def annotation_conf() -> str:
    """brat's annotation.conf for the Communiqué labels (from the models' label sets)."""
    actors = list(label_set(ActorType))
    roles = ", ".join(f"{r}*:<ENTITY>" for r in label_set(ArgumentRole))
    lines = ["# brat annotation configuration for the Communique labels (generated; do not edit)", "[entities]",
             *actors, TIME, QUANTITY, CONTENT, SOURCE, "", "[relations]"]
    lines += [f"{r}\tArg1:<EVENT>, Arg2:<EVENT>" for r in (*label_set(Relation), COREFERENCE)]
    lines += ["<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    lines += [f"{label(t)}\t{roles}, {PLACE}?:<ENTITY>, {TIME}?:{TIME}, {QUANTITY}*:{QUANTITY}"
              for t in label_set(EventType)]
    lines += [f"{STATEMENT}\t{SOURCE}?:<ENTITY>, {CONTENT}:{CONTENT}", "", "[attributes]",
              f"Kind\tArg:<ENTITY>, Value:{'|'.join(label_set(MentionKind))}", "Metonymy\tArg:<ENTITY>",
              f"Factuality\tArg:<EVENT>, Value:{'|'.join(label_set(Factuality))}",
              f"SpeechAct\tArg:{STATEMENT}, Value:{'|'.join(label_set(SpeechAct))}", f"Direct\tArg:{STATEMENT}"]
    return "\n".join(lines) + "\n"
