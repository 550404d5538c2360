"""Colour classes for the view: actor types and event families, with their legend names."""

from __future__ import annotations

from ..models import ActorType, EventType
from ..models.shape import label_set

ACTOR_TYPES: tuple[str, ...] = label_set(ActorType)
EVENT_FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(t.split(".", 1)[0] for t in label_set(EventType)))

LAYER_NAMES = {
    "mention": "actor mention",
    "trigger": "event trigger",
    "time": "time expression",
    "quantity": "quantity",
    "cue": "statement cue",
    "content": "statement content",
    "speaker": "speaker (no mention)",
    "argument": "argument or place (no mention)",
    "source": "attribution or printed metadata",
    "role": "role title",
    "heading": "heading",
}


def actor_category(actor_type: str | None) -> str:
    """The colour class of a mention: its actor's type, 'unknown' when the actor is missing."""
    return actor_type if actor_type in ACTOR_TYPES else "unknown"


def event_category(event_type: str) -> str:
    """The colour class of a trigger: its event family ('conflict' for 'conflict.attack')."""
    family = event_type.split(".", 1)[0]
    return family if family in EVENT_FAMILIES else "unknown"
