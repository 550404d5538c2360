"""Label Studio: tasks with pre-annotations (``predictions``) and the labeling config they need.

An export is a folder::

    tasks.json                 Label Studio tasks: {"data": {"text", "doc_id"}, "predictions": [{"result": [...]}]}
    labeling-config.xml        the project's labeling config (Labels, Relations, per-region Choices)
    communique-sidecar.json    what Label Studio cannot hold, keyed by region id
    communique-export.json     format, package and corpus versions

Regions are ``labels`` results on the ``text`` object: mentions (``mention``: the actor type),
triggers (``trigger``: the event type), and ``span`` regions for times, quantities, statement cues
(``Attribution``), contents (``Content``) and speaker spans that are no mention (``Source``).
Arguments, places, times, quantities, statements' sources and contents, event links and later
triggers (``Coreference``) are ``relation`` results from the trigger or cue. Mention kinds and
event factuality are per-region ``choices``.

Offsets: Label Studio measures text in the browser, in JavaScript string indices (UTF-16 code
units), so a character beyond U+FFFF counts two. The export converts code points to UTF-16, the
import converts back and refuses an offset inside a surrogate pair or a text that differs (E502).
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any, Final
from xml.sax.saxutils import quoteattr

from .._version import __version__
from ..corpus import Corpus
from ..models import ActorType, DocumentFile, EventType, Factuality, MentionKind, Span
from ..models.event import ArgumentRole, Relation
from ..models.shape import label_set
from ._common import EXPORT_INFO, SIDECAR, Export, export_info, sidecar
from ._sidecar import ref
from .brat import CONTENT, COREFERENCE, PLACE, QUANTITY, SOURCE, STATEMENT, TIME

NAME = "labelstudio"
TASKS = "tasks.json"
CONFIG = "labeling-config.xml"
MENTION, TRIGGER, OTHER, KIND, FACTUALITY = "mention", "trigger", "span", "kind", "factuality"

FIELDS: Final = (
    ("document.id", "`data.doc_id`", ""),
    ("document text", "`data.text`", "the seed's text; offsets in UTF-16 code units"),
    ("document (other metadata)", None, ""),
    ("mention.span", "`labels` region (`mention`)", "labelled with the actor's type"),
    ("mention.kind", "per-region `choices` (`kind`)", ""),
    ("mention.actor, metonymy", None, ""),
    ("actor (all fields)", None, "the type is the region's label"),
    ("event.type", "`labels` region (`trigger`)", "the Communiqué label"),
    ("event.triggers", "one `trigger` region each", "later ones: `Coreference` relation to the first"),
    ("event.arguments", "`relation` trigger -> region, label = role", "implicit arguments only in the sidecar"),
    ("event.place", "`relation` labelled `place`", ""),
    ("event.time", "`span` region `time` + relation `time`", "the normalised value only in the sidecar"),
    ("event.quantities", "`span` region `quantity` + relation", "value and qualifier only in the sidecar"),
    ("event.factuality", "per-region `choices` (`factuality`) on triggers", ""),
    ("event.links", "`relation` between first triggers", ""),
    ("event.source, note", None, ""),
    ("statement.cue", "`span` region `Attribution`", ""),
    ("statement.speaker", "`relation` `Source`", "when it has a span"),
    ("statement.content", "`span` region `Content` + relation `Content`", ""),
    ("statement.about", "`relation` `about` cue -> trigger", ""),
    ("statement (type, direct, addressees, note)", None, ""),
)
"""Where each Communiqué field goes: (field, the Label Studio result or None for the sidecar only, note)."""


def labeling_config() -> str:
    """The labeling config for the Communiqué labels (from the models' label sets)."""

    def labels(name: str, values: tuple[str, ...]) -> list[str]:
        return [f'  <Labels name="{name}" toName="text">', *(f"    <Label value={quoteattr(v)}/>" for v in values),
                "  </Labels>"]

    def choices(name: str, values: tuple[str, ...]) -> list[str]:
        return [f'  <Choices name="{name}" toName="text" perRegion="true" choice="single">',
                *(f"    <Choice value={quoteattr(v)}/>" for v in values), "  </Choices>"]

    relations = (*label_set(ArgumentRole), PLACE, TIME, QUANTITY, SOURCE, CONTENT, *label_set(Relation), COREFERENCE)
    lines = ["<View>", "  <Relations>", *(f"    <Relation value={quoteattr(r)}/>" for r in relations), "  </Relations>",
             *labels(MENTION, label_set(ActorType)), *labels(TRIGGER, label_set(EventType)),
             *labels(OTHER, (TIME, QUANTITY, STATEMENT, CONTENT, SOURCE)),
             '  <Text name="text" value="$text" granularity="symbol"/>',
             *choices(KIND, label_set(MentionKind)), *choices(FACTUALITY, label_set(Factuality)), "</View>"]
    return "\n".join(lines) + "\n"


class _Task:
    """The result list of one task, with code-point to UTF-16 conversion of its text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.units = [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]
        self.result: list[dict[str, Any]] = []
        self.shared: dict[tuple[str, str, int, int], str] = {}
        self.chosen: set[tuple[str, str]] = set()
        self.values: dict[str, dict[str, Any]] = {}

    def region(self, group: str, label: str, span: Span, prefix: str, share: bool = False) -> str:
        key = (group, label, span.start, span.end)
        if share and key in self.shared:
            return self.shared[key]
        ident = f"{prefix}{len(self.result) + 1}"
        self.values[ident] = {"start": self.units[span.start], "end": self.units[span.end], "text": span.text}
        self.result.append({"id": ident, "from_name": group, "to_name": "text", "type": "labels",
                            "value": {**self.values[ident], "labels": [label]}})
        if share:
            self.shared[key] = ident
        return ident

    def choice(self, region: str, group: str, value: str) -> None:
        if (region, group) in self.chosen:
            return  # a region two events share keeps the first one's choice
        self.chosen.add((region, group))
        self.result.append({"id": region, "from_name": group, "to_name": "text", "type": "choices",
                            "value": {**self.values[region], "choices": [value]}})

    def relation(self, a: str, b: str, label: str) -> None:
        self.result.append({"from_id": a, "to_id": b, "type": "relation", "direction": "right", "labels": [label]})


def export(corpus: Corpus) -> Export:
    """The Label Studio export of ``corpus``: one task per document."""
    from .. import jsonio

    result = Export()
    tasks, entries = [], []
    for file in corpus.files:
        task, dumped = _document(corpus, file)
        tasks.append({"data": {"text": file.document.text, "doc_id": file.document.id},
                      "predictions": [{"model_version": f"communique-{__version__}", "result": task.result}]})
        entries.append({"file": dumped})
        for item in task.result:
            key = f"{item['type']}_results"
            result.summary[key] = result.summary.get(key, 0) + 1
    result.summary["tasks"] = len(tasks)
    result.files[TASKS] = jsonio.dumps(tasks)
    result.files[CONFIG] = labeling_config()
    result.files[SIDECAR] = sidecar(corpus, entries)
    result.files[EXPORT_INFO] = export_info(NAME, corpus, offsets="UTF-16 code units")
    return result


def _document(corpus: Corpus, file: DocumentFile) -> tuple[_Task, dict[str, Any]]:
    task = _Task(file.document.text)
    dumped = file.model_dump(mode="json")
    mentions: dict[tuple[str, int, int], str] = {}
    for m, mention in enumerate(file.mentions):
        ident = task.region(MENTION, corpus.actor(mention.actor).type, mention.span, "m")
        mentions.setdefault((mention.actor, mention.span.start, mention.span.end), ident)
        task.choice(ident, KIND, mention.kind)
        dumped["mentions"][m]["span"] = ref(ident)

    def filler(actor: str | None, span: Span) -> str:
        found = mentions.get((actor or "", span.start, span.end))
        if found:
            return found
        if actor is None:
            return task.region(OTHER, SOURCE, span, "r", share=True)
        return task.region(MENTION, corpus.actor(actor).type, span, "r", share=True)

    first: dict[str, str] = {}
    for e, event in enumerate(file.events):
        out = dumped["events"][e]
        for k, trigger in enumerate(event.triggers):
            ident = task.region(TRIGGER, event.type, trigger, "t", share=True)
            out["triggers"][k] = ref(ident)
            if k == 0:
                first[event.id] = ident
                task.choice(ident, FACTUALITY, event.factuality)
            elif ident != first[event.id]:
                task.relation(ident, first[event.id], COREFERENCE)
        head = first[event.id]
        for i, arg in enumerate(event.arguments):
            if arg.span is not None:
                target = filler(arg.actor, arg.span)
                task.relation(head, target, arg.role)
                out["arguments"][i]["span"] = ref(target)
        if event.place is not None and event.place.span is not None:
            target = filler(event.place.actor, event.place.span)
            task.relation(head, target, PLACE)
            out["place"]["span"] = ref(target)
        if event.time is not None and event.time.span is not None:
            target = task.region(OTHER, TIME, event.time.span, "x", share=True)
            task.relation(head, target, TIME)
            out["time"]["span"] = ref(target)
        for q, quantity in enumerate(event.quantities):
            target = task.region(OTHER, QUANTITY, quantity.span, "q", share=True)
            task.relation(head, target, QUANTITY)
            out["quantities"][q]["span"] = ref(target)
    for event in file.events:
        for link in event.links:
            task.relation(first[event.id], first[link.event], link.relation)
    for s, statement in enumerate(file.statements):
        out = dumped["statements"][s]
        cue = task.region(OTHER, STATEMENT, statement.cue, "c", share=True)
        content = task.region(OTHER, CONTENT, statement.content, "c", share=True)
        out["cue"], out["content"] = ref(cue), ref(content)
        task.relation(cue, content, CONTENT)
        if statement.speaker.span is not None:
            source = filler(statement.speaker.actor, statement.speaker.span)
            task.relation(cue, source, SOURCE)
            out["speaker"]["span"] = ref(source)
        for event_id in statement.about:
            task.relation(cue, first[event_id], "about")
    return task, dumped
