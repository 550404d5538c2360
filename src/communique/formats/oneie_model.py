"""The OneIE / TextEE window as models: the columns of the release's ``oneie`` config.

The layout is TextEE's processed data (``data/README.md`` in its repository): token offsets count
tokens of the window, end exclusive. Every row of ``windows.jsonl`` and of the release config has
every key below (null where a value is absent); ``oneie-window.schema.json`` is the upstream
layout, which these rows follow.
"""

from __future__ import annotations

from pydantic import Field

from ..models._base import Record


class TokenSpan(Record):
    """A run of tokens of the window."""

    start: int
    """Index of the first token in the window."""
    end: int
    """Index just past the last token (exclusive)."""
    text: str
    """The text the tokens cover, exactly as in the document."""


class EntityMention(Record):
    """An actor mention (or, with an id ending in -a<n>, an argument span that is not one)."""

    id: str
    """The mention id ('<document>-m001'); '<event id>-a<n>' for an argument span that is no mention."""
    entity_type: str
    """ACE entity type of the actor (PER, ORG, GPE, LOC, FAC)."""
    entity_subtype: str | None = None
    """ACE entity subtype (Individual, Government, Nation...), when the ontology maps one."""
    mention_type: str | None = None
    """NAM, NOM or PRO (the mention's kind); null for an argument span that is no mention."""
    start: int
    """Index of the first token in the window."""
    end: int
    """Index just past the last token (exclusive)."""
    text: str
    """The text the tokens cover, exactly as in the document."""


class ArgumentMention(Record):
    """An event argument: an entity mention of the same window with its role."""

    entity_id: str
    """The id of an entity mention of the same window."""
    role: str
    """The Communiqué role (agent, target, participant...) or 'place'."""
    text: str
    """The entity mention's text."""
    start: int
    """Index of the entity mention's first token."""
    end: int
    """Index just past the entity mention's last token."""


class EventMention(Record):
    """One trigger of an event, with the arguments in its window."""

    id: str
    """'<event id>-t<n>': the event's n-th trigger (0-based)."""
    event_type: str
    """ACE Type:Subtype where the ontology has one ('Conflict:Attack'), else the Communiqué type."""
    trigger: TokenSpan
    """The trigger's tokens."""
    arguments: list[ArgumentMention] = Field(default_factory=list)
    """The event's arguments and place whose spans are in this window."""


class RelationMention(Record):
    """A relation between entity mentions (Communiqué annotates none: always empty)."""

    id: str
    """Relation id."""
    relation_type: str
    """Relation type."""
    arguments: list[ArgumentMention] = Field(default_factory=list)
    """The related entity mentions with their roles."""


class Window(Record):
    """One sentence window of a document, with its tokens and its mentions."""

    doc_id: str
    """The document id."""
    wnd_id: str
    """'<document id>-w<nnn>': the sentence's number in the document, from 000."""
    text: str
    """The sentence, exactly as in the document."""
    lang: str
    """The document's language tag."""
    tokens: list[str]
    """The sentence's tokens (communique-regex tokenizer), each an exact slice of the text."""
    entity_mentions: list[EntityMention]
    """The actor mentions in the sentence (and argument spans that are no mention)."""
    relation_mentions: list[RelationMention]
    """Always empty."""
    event_mentions: list[EventMention]
    """One per event trigger in the sentence."""
