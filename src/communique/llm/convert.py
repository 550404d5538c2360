"""Between answers (quotes) and corpora (offsets), in both directions.

- :func:`answers_from_corpus` writes any corpus (the gold, a baseline's predictions) as the
  answers a perfect model would give: each span a quote, with an ``occurrence`` when its text
  occurs more than once, each actor by name, type and QID.
- :func:`to_corpus` grounds answers (:mod:`.grounding`) and builds the predicted corpus the
  scorer reads. What the answer does not carry is filled with the simplest valid value, as
  docs/tasks.md allows (``factuality: asserted``, ``source: author``, ``direct: false``...). An
  ungrounded span becomes an empty span at offset 0, which no gold span equals or overlaps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..baselines.builder import DocBuilder, Prediction, span_of
from ..corpus import Corpus
from ..models import Actor, Argument, Attribution, Event, Span, Speaker, Statement, TimeValue
from ..quotes import quote_starts
from .format import FullAnswer
from .grounding import Grounder, Placed

SPAN_KINDS = ("mention", "trigger", "cue", "content")


def selector(text: str, start: int, end: int) -> dict[str, Any]:
    """The quote selector of ``text[start:end]``: the quote, and its occurrence when it is not unique."""
    quote = text[start:end]
    starts = quote_starts(text, quote)
    occurrence = starts.index(start) + 1 if len(starts) > 1 else None
    return {"quote": quote, "occurrence": occurrence, "prefix": None, "suffix": None}


def actor_ref(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "type": actor.type, "wikidata": actor.wikidata}


def answers_from_corpus(corpus: Corpus, task: str = "all") -> dict[str, dict[str, Any]]:
    """Document id -> the answer to ``task`` that states exactly what ``corpus`` annotates."""
    actors = {a.id: a for a in corpus.actors}
    out: dict[str, dict[str, Any]] = {}
    for f in corpus.files:
        text = f.document.text
        mentions = [
            {"span": selector(text, m.span.start, m.span.end), "actor": actor_ref(actors[m.actor])} for m in f.mentions
        ]
        events = []
        for e in f.events:
            event: dict[str, Any] = {
                "type": e.type,
                "triggers": [selector(text, t.start, t.end) for t in e.triggers],
            }
            if task in ("events", "all"):
                event["arguments"] = [{"role": a.role, "actor": actor_ref(actors[a.actor])} for a in e.arguments]
            if task in ("time", "all"):
                event["time"] = {"value": e.time.value, "precision": e.time.precision} if e.time else None
            events.append(event)
        statements = [
            {
                "speaker": actor_ref(actors[s.speaker.actor]) if s.speaker.actor else None,
                "cue": selector(text, s.cue.start, s.cue.end),
                "content": selector(text, s.content.start, s.content.end),
            }
            for s in f.statements
        ]
        full = {"mentions": mentions, "events": events, "statements": statements}
        keys = {"mentions": ["mentions"], "events": ["events"], "time": ["events"], "statements": ["statements"]}
        out[f.document.id] = {k: full[k] for k in keys.get(task, list(full))}
    return out


@dataclass
class Tally:
    """How the spans of one kind were grounded."""

    grounded: int = 0
    ambiguous: int = 0
    ungrounded: int = 0
    normalised: int = 0

    def add(self, placed: Placed) -> None:
        setattr(self, placed.outcome, getattr(self, placed.outcome) + 1)
        self.normalised += placed.normalised

    def to_dict(self) -> dict[str, int]:
        return {
            "spans": self.grounded + self.ambiguous + self.ungrounded,
            "grounded": self.grounded,
            "ambiguous": self.ambiguous,
            "ungrounded": self.ungrounded,
            "normalised": self.normalised,
        }


@dataclass
class _Builder:
    pred: Prediction
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in SPAN_KINDS})

    def actor(self, ref: Any) -> str:
        return self.pred.actor(ref.name, ref.type, ref.wikidata, key=f"{ref.name}\x00{ref.wikidata}")

    def span(self, g: Grounder, kind: str, sel: Any, anchor: int, key: object) -> Span:
        placed = g.place(
            sel.quote, occurrence=sel.occurrence, prefix=sel.prefix, suffix=sel.suffix, anchor=anchor, key=key
        )
        self.tallies[kind].add(placed)
        if placed.span is None:
            return Span(start=0, end=0, text="")
        return span_of(g.text, *placed.span)

    def document(self, doc: DocBuilder, answer: Any) -> None:
        g = Grounder(doc.text)
        anchor = 0
        for m in answer.mentions:
            span = self.span(g, "mention", m.span, anchor, ("m", m.span.quote, m.actor))
            anchor = span.start if span.end else anchor
            self.pred.mention(doc, span.start, span.end, self.actor(m.actor))
        anchor = 0
        for e in answer.events:
            triggers = []
            for t in e.triggers:
                span = self.span(g, "trigger", t, anchor, ("e", t.quote, e.type))
                anchor = span.start if span.end else anchor
                triggers.append(span)
            time = getattr(e, "time", None)
            doc.events.append(
                Event(
                    id=doc.next_id("e", len(doc.events)),
                    document=doc.document.id,
                    type=e.type,
                    triggers=triggers,
                    arguments=[Argument(role=a.role, actor=self.actor(a.actor)) for a in getattr(e, "arguments", [])],
                    time=TimeValue(value=time.value, precision=time.precision, anchor="absolute", rule="explicit")
                    if time
                    else None,
                    factuality="asserted",
                    source=Attribution(kind="author"),
                )
            )
        anchor = 0
        for s in answer.statements:
            cue = self.span(g, "cue", s.cue, anchor, ("c", s.cue.quote, s.speaker))
            anchor = cue.start if cue.end else anchor
            content = self.span(g, "content", s.content, cue.start, ("s", s.content.quote, s.speaker))
            speaker = Speaker(actor=self.actor(s.speaker)) if s.speaker else Speaker()
            doc.statements.append(
                Statement(
                    id=doc.next_id("s", len(doc.statements)),
                    document=doc.document.id,
                    speaker=speaker,
                    cue=cue,
                    content=content,
                    direct=False,
                    type="assert",
                )
            )


def to_corpus(gold: Corpus, answers: Mapping[str, Any]) -> tuple[Corpus, dict[str, Tally]]:
    """The predicted corpus of ``answers`` (document id -> answer) and the grounding tallies by span kind.

    Each answer is a :class:`~communique.llm.format.FullAnswer` or its JSON; a document not
    in ``gold`` is a :class:`KeyError`. Gold documents without an answer have nothing predicted.
    """
    pred = Prediction(gold, "answers")
    builder = _Builder(pred)
    docs = {d.document.id: d for d in pred.docs}
    for doc_id, answer in answers.items():
        if doc_id not in docs:
            raise KeyError(doc_id)
        if isinstance(answer, BaseModel) and not isinstance(answer, FullAnswer):
            answer = answer.model_dump()  # the answer model of a narrower task
        parsed = answer if isinstance(answer, FullAnswer) else FullAnswer.model_validate(answer)
        builder.document(docs[doc_id], parsed)
    corpus = Corpus(info=gold.info, actors=tuple(pred.actors.values()), files=tuple(pred.files()))
    return corpus, builder.tallies
