"""Compare a predicted document with the gold one as the benchmark scorer counts it.

The view asks :mod:`communique.scoring` for the units of each task on this one document and
for their strict one-to-one alignment (:func:`~communique.scoring.matching.align`), then finds
the marks that show each unit: a mention for ``mentions`` and ``linking``, a trigger for
``events``, a statement's cue and content for ``statements``, an argument's span for
``arguments`` and a time expression for ``time``. A unit the alignment leaves unmatched is
*missed* (gold) or *spurious* (predicted); its marks are drawn so. ``wikidata`` scores actors
across the corpus, not spans of a document, and is left out of the view.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from ..corpus import Corpus
from ..models import DocumentFile
from ..scoring.identity import UNRESOLVED, Identities
from ..scoring.matching import Mode, Unit, align
from ..scoring.tasks import TASKS, Side, align_events, task_units
from .marks import Mark

VIEW_TASKS = tuple(t for t in TASKS if t != "wikidata")
"""The tasks whose units are spans of one document (or events with spans)."""

MODE: Mode = "strict"


@dataclass(frozen=True)
class LayerCount:
    """Counts for one task on this document."""

    layer: str
    gold: int
    pred: int
    matched: int

    @property
    def missed(self) -> int:
        return self.gold - self.matched

    @property
    def spurious(self) -> int:
        return self.pred - self.matched


@dataclass
class SpanDiff:
    """Which marks of each side the scorer matched, missed (gold) or found spurious (predicted)."""

    gold_status: dict[str, str] = field(default_factory=dict)
    """Gold mark key -> 'match' or 'missed' (missed in any task that scores it)."""
    pred_status: dict[str, str] = field(default_factory=dict)
    """Predicted mark key -> 'match' or 'spurious'."""
    notes: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(side, mark key) -> one line per task that scores the mark ('linking: missed')."""
    missed: list[tuple[str, str]] = field(default_factory=list)
    """A description of every unmatched gold unit, with the key of a mark that shows it ('' if none)."""
    spurious: list[tuple[str, str]] = field(default_factory=list)
    """The same for every unmatched predicted unit."""
    counts: list[LayerCount] = field(default_factory=list)


UnitMarks = dict[str, list[list[str]]]
"""Task -> for each unit, in the scorer's order, the keys of the marks that show it."""


def _by_tag(marks: Sequence[Mark]) -> dict[str, str]:
    return {tag: m.key for m in marks for tag in m.tags}


def _unit_marks(
    f: DocumentFile,
    units: dict[str, list[Unit]],
    marks: Sequence[Mark],
    actor_identity: dict[str, str],
    event_identity: dict[str, str],
) -> UnitMarks:
    tag = _by_tag(marks)
    keyed: dict[str, dict[tuple[Hashable, ...], list[str]]] = {"arguments": {}, "time": {}}
    for ev in f.events:
        ev_id = event_identity.get(ev.id, ev.id)
        for i, arg in enumerate(ev.arguments):
            key = (ev_id, arg.role, actor_identity.get(arg.actor, arg.actor))
            keyed["arguments"].setdefault(key, []).append(tag.get(f"{ev.id}.argument.{i}", ""))
        if ev.time is not None:
            keyed["time"].setdefault((ev_id, ev.time.value, ev.time.precision), []).append(tag.get(f"{ev.id}.time", ""))
    ordered = {
        "mentions": [[m.id] for m in f.mentions],
        "linking": [[m.id] for m in f.mentions],
        "events": [[f"{e.id}.trigger.{k}"] for e in f.events for k in range(len(e.triggers))],
        "statements": [[f"{s.id}.cue", f"{s.id}.content"] for s in f.statements],
    }
    out: UnitMarks = {}
    for task in VIEW_TASKS:
        if task in ordered:
            out[task] = ordered[task] if len(ordered[task]) == len(units[task]) else [[] for _ in units[task]]
        else:
            out[task] = [keyed[task].get(u.key, []) for u in units[task]]
    return {task: [[k for k in keys if k] for keys in lists] for task, lists in out.items()}


def _describe(task: str, unit: Unit, text: str) -> str:
    key = " ".join(str(k).replace(UNRESOLVED, "unmatched ") for k in unit.key)
    quoted = []
    for start, end in unit.spans:
        piece = text[start:end]
        quoted.append(f"“{piece if len(piece) <= 50 else piece[:49] + '…'}” [{start}, {end})")
    return " ".join([f"{task}: {key}", *quoted])


def compare(
    gold: Corpus, pred: Corpus, doc_id: str, gold_marks: Sequence[Mark], pred_marks: Sequence[Mark]
) -> SpanDiff:
    """Score document ``doc_id`` of ``pred`` against ``gold`` (strict) and place the result on the marks."""
    g1 = Corpus(gold.info, gold.actors, (gold.file(doc_id),))
    p1 = Corpus(pred.info, pred.actors, (pred.file(doc_id),))
    units = task_units(g1, p1, MODE)
    ids = Identities(g1.actors)
    resolved = {a.id: ids.resolve(a) for a in p1.actors}
    gold_side = Side({doc_id: g1.files[0]}, {a.id: a for a in g1.actors}, lambda a: a)
    pred_side = Side({doc_id: p1.files[0]}, {a.id: a for a in p1.actors}, lambda a: resolved.get(a, UNRESOLVED + a))
    aligned = align_events(gold_side, pred_side, MODE)
    pred_events = {e.id: aligned.get(e.id, UNRESOLVED + e.id) for e in p1.files[0].events}
    where = {
        "gold": _unit_marks(g1.files[0], {t: u[0] for t, u in units.items()}, gold_marks, {}, {}),
        "pred": _unit_marks(
            p1.files[0],
            {t: u[1] for t, u in units.items()},
            pred_marks,
            resolved,
            pred_events,
        ),
    }
    result = SpanDiff()
    for task in VIEW_TASKS:
        gold_units, pred_units = units[task]
        pairs = align(gold_units, pred_units, MODE)
        hit = {"gold": {i for i, _ in pairs}, "pred": {j for _, j in pairs}}
        result.counts.append(LayerCount(task, len(gold_units), len(pred_units), len(pairs)))
        for side, side_units, bad, found, status in (
            ("gold", gold_units, "missed", result.missed, result.gold_status),
            ("pred", pred_units, "spurious", result.spurious, result.pred_status),
        ):
            for i, unit in enumerate(side_units):
                keys = where[side][task][i]
                ok = i in hit[side]
                for key in keys:
                    result.notes.setdefault((side, key), []).append(f"{task}: {'match' if ok else bad}")
                    if not ok or status.get(key) != bad:
                        status[key] = "match" if ok else bad
                if not ok:
                    found.append((_describe(task, unit, g1.files[0].document.text), keys[0] if keys else ""))
    return result
