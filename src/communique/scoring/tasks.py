"""The benchmark tasks: what counts as one gold or predicted unit of each.

Each task turns a corpus into :class:`~communique.scoring.matching.Unit` s; the units are then
aligned one-to-one (:mod:`communique.scoring.matching`). Actor identities come from
:mod:`communique.scoring.identity`; ids are never compared directly. (docs/tasks.md has the same
definitions with examples.)

- ``mentions`` (detection with typing): one unit per mention: its span, keyed by the type of
  the actor it refers to.
- ``linking`` (mention to actor): one unit per mention: its span, keyed by the actor's identity.
- ``wikidata`` (actor to Wikidata): one unit per actor that has a QID: (identity, QID), no span.
  Predicted actors are identified by name and aliases only.
- ``events`` (detection with typing): one unit per *trigger*: an event with three triggers is
  three units, keyed by the event type (ACE and MAVEN score triggers, not event clusters).
- ``arguments``: one unit per distinct (event, role, actor identity), no span. A predicted event
  stands for the gold event of its document that has its type and a trigger matching one of its
  triggers (equal in strict mode, overlapping in lenient mode); when several gold events qualify,
  the one with the largest trigger overlap, then the first in the file. Several predicted events
  may stand for one gold event (a system that predicts one event per trigger): their arguments
  are pooled, and an argument predicted through two of them counts once. A predicted event that
  stands for no gold event makes each of its arguments a false positive.
- ``time``: one unit per distinct (event, value, precision), events aligned and pooled as for
  arguments; the value is compared as a string ('2025-04-13' != '2025-04-13T21:00'), so two
  pooled events with different times give one true and one false positive at best.
- ``statements``: one unit per statement: speaker identity (or 'unnamed' when the speaker has
  no actor) as the key, cue span and content span as the spans.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from ..corpus import Corpus
from ..errors import ScoringError
from ..layout import ACTORS_FILE
from ..models import Actor, DocumentFile, Event, Span
from .identity import UNRESOLVED, Identities
from .matching import Mode, SpanKey, Unit, overlap

TASKS = ("mentions", "linking", "wikidata", "events", "arguments", "time", "statements")
"""Task names, in report order."""

UNNAMED = "?unnamed"


def _span(span: Span) -> SpanKey:
    return (span.start, span.end)


@dataclass
class Side:
    """One corpus prepared for scoring: its files by document id and how to name its actors."""

    files: dict[str, DocumentFile]
    actors: dict[str, Actor]
    identity: Callable[[str], str]
    """Actor id to identity (gold ids are their own identity)."""


def _gold_side(gold: Corpus) -> Side:
    return Side({f.document.id: f for f in gold.files}, {a.id: a for a in gold.actors}, lambda a: a)


def _pred_side(gold: Corpus, pred: Corpus, ids: Identities) -> Side:
    gold_docs = {f.document.id: f.document for f in gold.files}
    for f in pred.files:
        doc = f.document
        if doc.id not in gold_docs:
            known = ", ".join(sorted(gold_docs))
            raise ScoringError(f"predicted document {doc.id!r} is not in the gold corpus; expected one of: {known}")
        if doc.sha256 != gold_docs[doc.id].sha256:
            raise ScoringError(
                f"predicted document {doc.id!r} has seed sha256 {doc.sha256[:12]}..., the gold document "
                f"{gold_docs[doc.id].sha256[:12]}...: the predictions were made on a different text"
            )
    actors = {a.id: a for a in pred.actors}
    resolved = {a.id: ids.resolve(a) for a in pred.actors}

    def identity(actor_id: str) -> str:
        return resolved.get(actor_id, UNRESOLVED + actor_id)

    return Side({f.document.id: f for f in pred.files}, actors, identity)


def _actor(side: Side, actor_id: str, where: str) -> Actor:
    actor = side.actors.get(actor_id)
    if actor is None:
        raise ScoringError(f"{where} refers to actor {actor_id!r}, which {ACTORS_FILE} does not define")
    return actor


def _mentions(side: Side, typed: bool) -> list[Unit]:
    units = []
    for doc_id, f in side.files.items():
        for m in f.mentions:
            actor = _actor(side, m.actor, f"mention {m.id!r}")
            key: tuple[Hashable, ...] = (actor.type,) if typed else (side.identity(m.actor),)
            units.append(Unit(doc_id, key, (_span(m.span),)))
    return units


def _trigger_units(side: Side) -> list[Unit]:
    return [Unit(d, (e.type,), (_span(t),)) for d, f in side.files.items() for e in f.events for t in e.triggers]


def _statement_units(side: Side) -> list[Unit]:
    units = []
    for doc_id, f in side.files.items():
        for s in f.statements:
            speaker = UNNAMED
            if s.speaker.actor:
                _actor(side, s.speaker.actor, f"statement {s.id!r}")
                speaker = side.identity(s.speaker.actor)
            units.append(Unit(doc_id, (speaker,), (_span(s.cue), _span(s.content))))
    return units


def _triggers_match(g: Event, p: Event, mode: Mode) -> int:
    """Best trigger overlap (plus one) when the events may be aligned, else 0."""
    if g.type != p.type:
        return 0
    best = 0
    for gt in g.triggers:
        for pt in p.triggers:
            ov = overlap(_span(gt), _span(pt))
            if (gt.start, gt.end) == (pt.start, pt.end) or (mode == "lenient" and ov > 0):
                best = max(best, ov + 1)
    return best


def align_events(gold: Side, pred: Side, mode: Mode) -> dict[str, str]:
    """Predicted event id to the id of the gold event it stands for (many predicted to one gold)."""
    aligned: dict[str, str] = {}
    for doc_id, pf in pred.files.items():
        gf = gold.files.get(doc_id)
        if gf is None:
            continue
        for p in pf.events:
            weights = [(_triggers_match(g, p, mode), -i, g.id) for i, g in enumerate(gf.events)]
            best = max(weights, default=(0, 0, ""))
            if best[0] > 0:
                aligned[p.id] = best[2]
    return aligned


def _event_units(side: Side, event_identity: Callable[[str], str], kind: str) -> list[Unit]:
    units = []
    for doc_id, f in side.files.items():
        for e in f.events:
            ev = event_identity(e.id)
            if kind == "arguments":
                for a in e.arguments:
                    _actor(side, a.actor, f"event {e.id!r}")
                    units.append(Unit(doc_id, (ev, a.role, side.identity(a.actor))))
            elif e.time is not None:
                units.append(Unit(doc_id, (ev, e.time.value, e.time.precision)))
    return list(dict.fromkeys(units))  # a set per event: pooled events give each unit once


def _wikidata_units(actors: Iterable[Actor], identity: Callable[[Actor], str]) -> list[Unit]:
    return [Unit("", (identity(a), a.wikidata)) for a in actors if a.wikidata]


def task_units(gold: Corpus, pred: Corpus, mode: Mode) -> dict[str, tuple[list[Unit], list[Unit]]]:
    """For each task, the gold units and the predicted units under ``mode``."""
    ids = Identities(gold.actors)
    g, p = _gold_side(gold), _pred_side(gold, pred, ids)
    aligned = align_events(g, p, mode)

    def pred_event(event_id: str) -> str:
        return aligned.get(event_id, UNRESOLVED + event_id)

    def same(event_id: str) -> str:
        return event_id

    return {
        "mentions": (_mentions(g, True), _mentions(p, True)),
        "linking": (_mentions(g, False), _mentions(p, False)),
        "wikidata": (
            _wikidata_units(gold.actors, lambda a: a.id),
            _wikidata_units(pred.actors, lambda a: ids.resolve(a, use_qid=False)),
        ),
        "events": (_trigger_units(g), _trigger_units(p)),
        "arguments": (_event_units(g, same, "arguments"), _event_units(p, pred_event, "arguments")),
        "time": (_event_units(g, same, "time"), _event_units(p, pred_event, "time")),
        "statements": (_statement_units(g), _statement_units(p)),
    }
