"""Events of the rule baseline: one event per lexicon trigger, with nearby actors and time.

- Every word of the trigger lexicon (:data:`.gazetteer.TRIGGERS`, whole words, any case) outside
  the document's headings is the one trigger of an event of its type, asserted by the author.
- Arguments: the nearest actor mention before the trigger and the nearest after it, in the same
  sentence, places (cities, regions, facilities) left out, with the roles
  :data:`.gazetteer.ROLES` gives the type (default: agent before).
- Time: the time expression (:mod:`.timex`) nearest the trigger in the same sentence.
"""

from __future__ import annotations

import re

from ..models import Argument, Attribution, Event, EventType, Mention, TimeValue
from ..text import sentences
from .builder import DocBuilder, Prediction, span_of
from .gazetteer import ROLES, TRIGGERS
from .timex import Timex, find_timexes, publication_day

_PLACES = frozenset({"city", "region", "facility"})
_WORD_TYPE: dict[str, EventType] = {w: t for t, words in TRIGGERS.items() for w in words}
_TRIGGER_RE = re.compile(r"(?<![\w\-])(" + "|".join(sorted(_WORD_TYPE, key=len, reverse=True)) + r")(?![\w\-])", re.I)


def _arguments(pred: Prediction, etype: str, before: Mention | None, after: Mention | None) -> list[Argument]:
    roles = ROLES.get(etype, ("agent", None))
    out: list[Argument] = []
    for mention, role in ((before, roles[0]), (after, roles[1])):
        if mention is None or role is None:
            continue
        arg = Argument.model_validate({"role": role, "actor": mention.actor, "span": mention.span})
        if all((a.role, a.actor) != (arg.role, arg.actor) for a in out):
            out.append(arg)
    return out


def _time(doc: DocBuilder, timexes: list[Timex], start: int, end: int) -> TimeValue | None:
    if not timexes:
        return None
    best = min(timexes, key=lambda t: (max(t.start - end, start - t.end, 0), t.start))
    return TimeValue(
        span=span_of(doc.text, best.start, best.end),
        value=best.value,
        precision=best.precision,
        anchor=best.anchor,
        rule=best.rule,
    )


def find_events(pred: Prediction, doc: DocBuilder) -> None:
    """Add the rule events of ``doc`` to it."""
    text = doc.text
    headings = [(h.start, h.end) for h in doc.document.headings]
    published = doc.document.published
    pub = publication_day(published.value) if published is not None else None
    for s_start, s_end in sentences(text):
        if any(h_start <= s_start and s_end <= h_end for h_start, h_end in headings):
            continue
        in_sentence = [
            m
            for m in doc.mentions
            if s_start <= m.span.start and m.span.end <= s_end and pred.actors[m.actor].type not in _PLACES
        ]
        timexes = [
            Timex(t.start + s_start, t.end + s_start, t.value, t.precision, t.rule, t.anchor)
            for t in find_timexes(text[s_start:s_end], pub)
        ]
        for m in _TRIGGER_RE.finditer(text, s_start, s_end):
            etype = _WORD_TYPE[m.group().lower()]
            before = max((x for x in in_sentence if x.span.end <= m.start()), key=lambda x: x.span.end, default=None)
            after = min((x for x in in_sentence if x.span.start >= m.end()), key=lambda x: x.span.start, default=None)
            doc.events.append(
                Event(
                    id=doc.next_id("e", len(doc.events)),
                    document=doc.document.id,
                    type=etype,
                    triggers=[span_of(text, m.start(), m.end())],
                    arguments=_arguments(pred, etype, before, after),
                    time=_time(doc, timexes, m.start(), m.end()),
                    factuality="asserted",
                    source=Attribution(kind="author"),
                )
            )
