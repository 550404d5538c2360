"""Mentions: every place the text refers to an actor (ACE/Rich ERE entity mentions)."""

from __future__ import annotations

from typing import Literal

from ._base import Id, Record
from .span import Span

MentionKind = Literal["name", "nominal", "pronoun"]
"""name (ACE NAM), nominal (NOM) or pronoun (PRO)."""


class Mention(Record):
    """One reference to an actor in one document."""

    id: Id
    """Corpus-wide id ('000_bd8b5cfe7c34e604-m001')."""
    document: Id
    """The document the mention is in."""
    actor: Id
    """The actor referred to."""
    span: Span
    """The referring expression (a name, a noun phrase without its determiner, or a pronoun)."""
    kind: MentionKind
    """name, nominal or pronoun."""
    metonymy: bool = False
    """True when a place or building stands for a body ('Moscow' for the Russian state, 'the Kremlin')."""
