"""Actors: corpus-level records for every participant the text treats as acting or acted upon.

Actor types map onto ACE 2005 entity types and PLOVER/POLECAT actor types
(:data:`communique.ontology.ACTOR_TYPES`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Id, NonEmptyStr, Qid, Record
from .span import Span

ActorType = Literal[
    "person",
    "government",
    "organization",
    "international_organization",
    "media",
    "country",
    "city",
    "region",
    "facility",
    "group",
]
"""Actor types; definitions and ACE/PLOVER mappings in docs/guidelines.md."""


class Role(Record):
    """A title or function the text gives an actor, with the evidence for it."""

    title: NonEmptyStr
    """The title in normalised form ('Secretary of State', 'Foreign Minister', 'spokesperson')."""
    of: Id | None = None
    """The actor the role is held in ('united_states' for Secretary of State), when stated or implied."""
    document: Id
    """The document holding the evidence span."""
    span: Span
    """Where the text states the role ('Secretary of State', 'Ukraine Foreign Minister')."""


class Actor(Record):
    """A person, body, place or group, shared by every document that mentions it."""

    id: Id
    """Corpus-wide id, the same in every document ('marco_rubio')."""
    name: NonEmptyStr
    """Canonical name, spelled correctly ('Steve Witkoff' even where a text has 'SteveWitkof')."""
    type: ActorType
    """person, government, organization, international_organization, media, country, city, region, facility or group."""
    aliases: list[NonEmptyStr] = Field(default_factory=list)
    """Other surface forms the corpus uses for the actor, misspellings included."""
    wikidata: Qid | None = None
    """Wikidata QID when the identity is certain; null otherwise."""
    roles: list[Role] = Field(default_factory=list)
    """Titles and functions as the text states them, each with its evidence span."""
    country: Id | None = None
    """The country actor this actor belongs to or represents (POLECAT's actor country)."""
    members: list[Id] = Field(default_factory=list)
    """For groups: the actors the text names as members."""
    note: str | None = None
    """Annotator's note on identity or resolution decisions."""
