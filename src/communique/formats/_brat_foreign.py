"""brat data from elsewhere (brat itself, INCEpTION's brat export): a draft corpus from the ``.ann`` lines.

Without a sidecar the importer reads what the lines say, by label (case and '-'/'_'/'.' ignored):

- a ``T`` typed by an actor type (person, country...) or an ACE entity type (PER, GPE.Nation), or
  with an attribute of such a value (INCEpTION's ``A1 value T1 PER``), is a mention; its actor is the ``actor=<id>``
  note when there is one, else the ``N`` Wikidata id (actor ``wd_<QID>``), else its text and type;
  ``Kind`` and ``Metonymy`` attributes give its kind and metonymy;
- an ``E`` typed by a Communiqué event type (``contact-meet``) or an ACE one (``Contact-Meet``) is
  an event, its roles (repeated roles numbered: agent2) arguments and ``place``; events joined by a
  ``Coreference`` relation are one event with several triggers; ``Factuality`` gives its factuality;
- an ``Attribution`` event with a ``Content`` argument is a statement (``Source``: the speaker).

Everything else (times, quantities, unknown labels) is left out, each with a W504 finding. The
corpus is a draft: the validator's findings tell what still needs annotating.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from .. import jsonio
from ..codes import finding
from ..layout import ACTORS_FILE, CORPUS_FILE, document_file, seed_file
from ..models import SCHEMA_VERSION, ActorType, EventType, Factuality, MentionKind, SpeechAct
from ..models._base import ID_PATTERN
from ..models.event import ArgumentRole
from ..models.shape import label_set
from ..ontology import ACTOR_TYPES, EVENT_TYPES
from ..report import Report
from ._common import Imported, Json
from .brat import CONTENT, COREFERENCE, PLACE, SOURCE, STATEMENT
from .brat_read import AnnFile, Line


def _key(name: str) -> str:
    return re.sub(r"[-_.:\s]", "", name).lower()


ACTOR_LABELS = {_key(t): t for t in label_set(ActorType)}
for _actor_type, _actor_mapping in ACTOR_TYPES.items():  # ACE names: 'PER.Individual', then 'PER' alone
    ACTOR_LABELS.setdefault(_key(_actor_mapping.ace), _actor_type)
ACTOR_LABELS.update({k: v for k, v in {"per": "person", "org": "organization", "gpe": "country", "loc": "region",
                                       "fac": "facility"}.items() if k not in ACTOR_LABELS})
EVENT_LABELS = {_key(t): t for t in label_set(EventType)}
for _type, _mapping in EVENT_TYPES.items():  # ACE names, the first Communiqué type naming each
    if _mapping.ace:
        EVENT_LABELS.setdefault(_key(_mapping.ace), _type)
ROLES = {_key(r): r for r in label_set(ArgumentRole)}


def _unmapped(report: Report, ann: AnnFile, line: Line, what: str, why: str = "") -> None:
    report.add(finding("W504", ann.name, "$", line=line.number, record=line.ident, found=line.kind, what=what,
                       label=line.kind, why=why))


class _Builder:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.actors: dict[str, Json] = {}

    def actor(self, kind: str, t: Line, notes: dict[str, list[Line]]) -> str:
        values = [(n.ident[0], n.value or "") for n in notes.get(t.ident, [])]
        named = [v[6:] for k, v in values if k == "#" and v.startswith("actor=")]
        wikidata = [v.split(":", 1)[1] for k, v in values if k == "N" and v.lower().startswith("wikidata:")]
        name = t.span["text"] if t.span else t.ident
        slug = re.sub(r"\W+", "_", f"{kind}_{name}").lower()
        ident = (named[0] if named else f"wd_{wikidata[0]}" if wikidata else slug)[:128]
        if not re.match(ID_PATTERN, ident):
            ident = "actor_" + hashlib.sha256(ident.encode()).hexdigest()[:16]
        actor = self.actors.setdefault(ident, {"id": ident, "name": name, "type": kind})
        if wikidata and re.fullmatch(r"Q[1-9][0-9]{0,11}", wikidata[0]):
            actor["wikidata"] = wikidata[0]
        return ident

    def document(self, stem: str, ann: AnnFile) -> Json:
        notes: dict[str, list[Line]] = {}
        for line in ann.lines.values():
            if line.ident[0] in "AMN#":
                notes.setdefault(line.refs[0][1], []).append(line)

        def attribute(target: str, name: str) -> str | None:
            found = [a for a in notes.get(target, []) if a.ident[0] in "AM" and _key(a.kind) == _key(name)]
            return (found[0].value or "true") if found else None

        mentions: list[Json] = []
        by_t: dict[str, Json] = {}
        used = {target for e in ann.by_kind("E") for _, target in e.refs}
        for t in ann.by_kind("T"):
            # the type, or an attribute's value: INCEpTION writes a layer's features as attributes ('value T1 PER')
            labels = [t.kind, *(a.value for a in notes.get(t.ident, []) if a.ident[0] in "AM" and a.value)]
            actor_type = next((ACTOR_LABELS[_key(x)] for x in labels if _key(x) in ACTOR_LABELS), None)
            if t.span is not None and actor_type is None and t.ident not in used:
                _unmapped(self.report, ann, t, "the entity type")
            if t.span is not None and actor_type is not None:
                actor = self.actor(actor_type, t, notes)
                kind = attribute(t.ident, "Kind")
                mention: Json = {"id": f"{stem}-m{len(mentions) + 1:03d}", "document": stem, "actor": actor,
                                 "span": t.span, "kind": kind if kind in label_set(MentionKind) else "name"}
                if attribute(t.ident, "Metonymy"):
                    mention["metonymy"] = True
                mentions.append(mention)
                by_t[t.ident] = mention
        events, statements = self._events(stem, ann, by_t, attribute)
        return {"schema_version": SCHEMA_VERSION, "status": "draft", "mentions": mentions, "events": events,
                "statements": statements}

    def _events(self, stem: str, ann: AnnFile, by_t: dict[str, Json], attribute: Any) -> tuple[list[Json], list[Json]]:
        merged = {r.refs[0][1]: r.refs[1][1] for r in ann.by_kind("R") if _key(r.kind) == _key(COREFERENCE)}
        events: dict[str, Json] = {}
        statements: list[Json] = []
        for e in ann.by_kind("E"):
            trigger = ann.lines.get(e.refs[0][1])
            if trigger is None or trigger.span is None:
                continue
            if _key(e.kind) == _key(STATEMENT):
                roles = {_key(re.sub(r"\d+$", "", r)): t for r, t in e.refs[1:]}
                content = ann.lines.get(roles.get(_key(CONTENT), ""))
                if content is None or content.span is None:
                    _unmapped(self.report, ann, e, "the attribution", " (it has no Content)")
                    continue
                source = by_t.get(roles.get(_key(SOURCE), ""))
                speech = attribute(e.ident, "SpeechAct")
                statements.append({"id": f"{stem}-s{len(statements) + 1:02d}", "document": stem,
                                   "speaker": {"actor": source["actor"], "span": source["span"]} if source else {},
                                   "cue": trigger.span, "content": content.span,
                                   "direct": bool(attribute(e.ident, "Direct")),
                                   "type": speech if speech in label_set(SpeechAct) else "assert"})
                continue
            if _key(e.kind) not in EVENT_LABELS:
                _unmapped(self.report, ann, e, "the event type")
                continue
            head = events.get(merged.get(e.ident, ""))
            if head is not None:
                head["triggers"].append(trigger.span)
                continue
            factuality = attribute(e.ident, "Factuality")
            event: Json = {"id": f"{stem}-e{len(events) + 1:02d}", "document": stem,
                           "type": EVENT_LABELS[_key(e.kind)], "triggers": [trigger.span], "arguments": [],
                           "factuality": factuality if factuality in label_set(Factuality) else "asserted",
                           "source": {"kind": "author"}}
            for role, target in e.refs[1:]:
                filler, name = by_t.get(target), _key(re.sub(r"\d+$", "", role))
                if filler is not None and name == PLACE and "place" not in event:
                    event["place"] = {"actor": filler["actor"], "span": filler["span"]}
                elif filler is not None and name in ROLES:
                    event["arguments"].append({"role": ROLES[name], "actor": filler["actor"], "span": filler["span"]})
                else:
                    self.report.add(finding("W504", ann.name, "$", line=e.number, record=e.ident, found=role,
                                            what="the argument", label=f"{role}:{target}",
                                            why=" (not an actor mention, or an unknown role)"))
            events[e.ident] = event
        return list(events.values()), statements


def build(src: Path, files: dict[str, AnnFile], report: Report) -> Imported:
    """A draft corpus from brat files without a sidecar."""
    # the text was read (and checked) with its .ann; UTF-8 decodes and encodes back to the same bytes
    return build_from(src.name, {stem: (ann.text.encode("utf-8"), ann) for stem, ann in files.items()}, report)


def build_from(name: str, documents: dict[str, tuple[bytes, AnnFile]], report: Report) -> Imported:
    """A draft corpus from documents (id -> seed bytes and annotations as brat lines)."""
    builder = _Builder(report)
    out: dict[str, bytes | str] = {}
    count = 0
    for stem, (seed, ann) in documents.items():
        if not re.match(ID_PATTERN, stem):
            layout = "a document id of 1-128 ASCII letters, digits, _ and -"
            report.add(finding("E501", ann.name, "$", expected=layout, found=stem, layout=layout,
                               problem=f"the document name {stem!r} is not a usable document id"))
            continue
        doc = builder.document(stem, ann)
        doc["document"] = {"id": stem, "seed": f"{stem}.txt", "sha256": hashlib.sha256(seed).hexdigest(),
                           "language": "und"}
        doc = {"schema_version": doc.pop("schema_version"), "document": doc.pop("document"), **doc}
        out[document_file(stem)] = jsonio.dumps(doc)
        out[seed_file(f"{stem}.txt")] = seed
        count += 1
    out[CORPUS_FILE] = jsonio.dumps({"schema_version": SCHEMA_VERSION, "name": f"Imported: {name}",
                                            "version": "0.1.0", "guidelines_version": "1.1.0",
                                            "license": "NOASSERTION"})
    out[ACTORS_FILE] = jsonio.dumps({"schema_version": SCHEMA_VERSION, "actors": list(builder.actors.values())})
    return Imported(report, out, count)
