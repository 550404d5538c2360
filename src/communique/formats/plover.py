"""A PLOVER / POLECAT-shaped projection of the events (JSON Lines), for political-event users; export only.

One line per event whose type has a PLOVER category (:data:`communique.ontology.EVENT_TYPES`),
in the POLECAT style: the date with its precision (and ACLED's and UCDP's precision codes), the
PLOVER event type with the Communiqué subtype as its mode, actors and recipients with their
Wikidata ids, PLOVER actor types and countries, the location, the magnitudes PLOVER records
(dead, injured, size) and the source document. Events without a PLOVER category are counted in
``report.json``, not written.

Actors are the ``agent`` arguments; recipients the ``target``, ``recipient``, ``victim`` and
``beneficiary`` arguments; ``participant`` arguments are actors when the event has no agent (the
first participant) and recipients otherwise; ``mediator`` and ``topic`` arguments are ``others``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Final

from ..corpus import Corpus
from ..models import Actor, DocumentFile, Event
from ..ontology import ACLED_TIME_PRECISION, ACTOR_TYPES, EVENT_TYPES, UCDP_DATE_PREC, realis
from ._common import EXPORT_INFO, Export, export_info, jsonl

NAME = "plover"
EVENTS = "events.jsonl"
REPORT = "report.json"
RECIPIENT_ROLES = ("target", "recipient", "victim", "beneficiary")
MAGNITUDES = {"killed": "dead", "injured": "injured", "participants": "size"}
"""Communiqué quantity kinds -> PLOVER magnitude fields."""

FIELDS: Final = (
    ("event.id", "`event_id`", ""),
    ("event.document", "`story_id`, `source`", "with the publisher, title and publication date"),
    ("event.type", "`event_type` (PLOVER), `event_mode`", "events without a PLOVER category are not written"),
    ("event.time", "`event_date`, `date_precision`", "also `acled_time_precision`, `ucdp_date_prec`"),
    ("event.arguments", "`actors`, `recipients`, `others`", "name, Wikidata id, PLOVER type, country"),
    ("event.place", "`location`", "name, Wikidata id, type, country"),
    ("event.factuality", "`factuality`, `realis`", ""),
    ("event.quantities", "`dead`, `injured`, `size`", "killed, injured and participants counts only"),
    ("event.triggers", "`trigger`", "the first trigger's text"),
    ("event.source", "`attributed_to`", "author, or the named actor"),
    ("event.links, note; mentions; statements", None, "not part of the projection"),
)
"""Where each Communiqué field goes: (field, the record's key or None when left out, note)."""


def _actor(corpus: Corpus, actor_id: str) -> dict[str, Any]:
    actor: Actor = corpus.actor(actor_id)
    country = corpus.actor(actor.country) if actor.country else (actor if actor.type == "country" else None)
    return {"id": actor.id, "name": actor.name, "wikidata": actor.wikidata,
            "type": plover_type(actor.type), "titles": sorted({r.title for r in actor.roles}),
            "country": country.name if country else None, "country_wikidata": country.wikidata if country else None}


def plover_type(actor_type: str) -> str | None:
    """The PLOVER actor type or sector code (GOV, IGO, MED...); None where PLOVER codes it by role or members."""
    code = ACTOR_TYPES[actor_type].plover  # type: ignore[index]  # the models guarantee an ActorType
    return None if code.startswith("sector by") else code


def _magnitude(event: Event, kind: str) -> dict[str, Any] | None:
    found = [q for q in event.quantities if q.what == kind]
    if not found:
        return None
    q = found[0]
    return {"value": q.value, "upper": q.upper, "qualifier": q.qualifier, "text": q.span.text}


def record(corpus: Corpus, file: DocumentFile, event: Event, plover: str) -> dict[str, Any]:
    """The projection of one event."""
    agents = [a.actor for a in event.arguments if a.role == "agent"]
    recipients = [a.actor for a in event.arguments if a.role in RECIPIENT_ROLES]
    participants = [a.actor for a in event.arguments if a.role == "participant"]
    if not agents and participants:
        agents, participants = participants[:1], participants[1:]
    recipients += participants
    others = [a.actor for a in event.arguments if a.role in ("mediator", "topic")]
    doc = file.document
    time = event.time
    return {
        "event_id": event.id,
        "story_id": doc.id,
        "event_date": time.value if time else None,
        "date_precision": time.precision if time else None,
        "acled_time_precision": ACLED_TIME_PRECISION[time.precision] if time else None,
        "ucdp_date_prec": UCDP_DATE_PREC[time.precision] if time else None,
        "event_type": plover,
        "event_mode": event.type.split(".", 1)[1],
        "communique_type": event.type,
        "actors": [_actor(corpus, a) for a in dict.fromkeys(agents)],
        "recipients": [_actor(corpus, a) for a in dict.fromkeys(recipients)],
        "others": [_actor(corpus, a) for a in dict.fromkeys(others)],
        "location": _actor(corpus, event.place.actor) if event.place else None,
        "factuality": event.factuality,
        "realis": realis(event.factuality),
        **{field: _magnitude(event, kind) for kind, field in MAGNITUDES.items()},
        "trigger": event.triggers[0].text,
        "attributed_to": corpus.actor(event.source.actor).name if event.source.actor else event.source.kind,
        "source": {"publisher": doc.publisher.value if doc.publisher else None, "title": doc.title,
                   "publication_date": doc.published.value if doc.published else None, "language": doc.language},
    }


def export(corpus: Corpus) -> Export:
    """The PLOVER projection of ``corpus``'s events."""
    result = Export()
    rows = []
    dropped: Counter[str] = Counter()
    for file in corpus.files:
        for event in file.events:
            plover = EVENT_TYPES[event.type].plover
            if plover is None:
                dropped[event.type] += 1
                continue
            rows.append(record(corpus, file, event, plover))
    result.summary = {"events": len(rows), "dropped_no_plover_category": sum(dropped.values())}
    result.files[EVENTS] = jsonl(rows)
    result.files[REPORT] = jsonl([{"totals": result.summary, "dropped_by_type": dict(sorted(dropped.items()))}])
    result.files[EXPORT_INFO] = export_info(NAME, corpus)
    return result
