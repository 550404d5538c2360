"""Events: one record per real-world happening in a document, with every trigger that mentions it.

Event types, argument roles and factuality values are defined in docs/guidelines.md; each event
type names its closest PLOVER category and ACE 2005 type (:data:`communique.ontology.EVENT_TYPES`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Id, Record
from .attribution import Attribution
from .quantity import Quantity
from .span import Span
from .time import TimeValue

EventType = Literal[
    "conflict.war",
    "conflict.attack",
    "life.die",
    "contact.meet",
    "contact.contact",
    "contact.broadcast",
    "contact.inform",
    "movement.travel",
    "agreement.propose",
    "agreement.agree",
    "agreement.reject",
    "agreement.violate",
    "agreement.withdraw",
    "agreement.delay",
    "policy.sanction",
    "policy.coerce",
    "policy.cooperate",
    "policy.ceasefire",
    "policy.deploy",
    "policy.guarantee",
    "request.demand",
    "attitude.disapprove",
    "attitude.accuse",
    "attitude.threaten",
]

ArgumentRole = Literal["agent", "target", "participant", "victim", "recipient", "beneficiary", "topic", "mediator"]
"""Argument roles; definitions and ACE role mappings in docs/guidelines.md."""

Factuality = Literal["asserted", "reported", "planned", "hypothetical", "negated", "uncertain"]
"""Whether and how the text presents the event as real (FactBank / Rich ERE realis)."""

Relation = Literal["part_of", "caused_by", "object", "about"]
"""How an event relates to another event in the same document."""


class Argument(Record):
    """An actor's part in an event."""

    role: ArgumentRole
    """agent, target, participant, victim, recipient, beneficiary, topic or mediator."""
    actor: Id
    """The actor filling the role."""
    span: Span | None = None
    """The mention of the actor that expresses the argument nearest the trigger; null when implicit."""


class Place(Record):
    """Where an event happened."""

    actor: Id
    """A city, region, country or facility actor."""
    span: Span | None = None
    """The place expression in the text; null when the place is inferred from context."""


class EventLink(Record):
    """A typed link from one event to another."""

    relation: Relation
    """part_of (a sub-event), caused_by, object (the proposal rejected, the agreement withdrawn from) or about."""
    event: Id
    """The other event, in the same document."""


class Event(Record):
    """A happening, with its triggers, participants, place, time, factuality and quantities."""

    id: Id
    """Corpus-wide id ('000_bd8b5cfe7c34e604-e01')."""
    document: Id
    """The document the event is annotated in."""
    type: EventType
    """Event type from the Communiqué ontology (each with PLOVER and ACE counterparts)."""
    triggers: list[Span] = Field(min_length=1)
    """Every word or phrase in the document that refers to this happening, in text order."""
    arguments: list[Argument] = Field(default_factory=list)
    """Participants with their roles."""
    place: Place | None = None
    """Where it happened, when the text says or implies it."""
    time: TimeValue | None = None
    """When it happened, normalised; null when the text gives no clue."""
    factuality: Factuality
    """asserted, reported, planned, hypothetical, negated or uncertain."""
    source: Attribution
    """Whose account presents the event (the author, a named actor, unnamed reports)."""
    quantities: list[Quantity] = Field(default_factory=list)
    """Numbers given about the event, each with its hedge and source; conflicting figures kept side by side."""
    links: list[EventLink] = Field(default_factory=list)
    """Links to other events of the document."""
    note: str | None = None
    """Annotator's note on a non-obvious decision."""
