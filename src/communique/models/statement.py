"""Statements: attributed speech as first-class records (PARC 3.0 source, cue and content)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Id, Record
from .span import Span

SpeechAct = Literal["assert", "claim", "announce", "opine", "characterize", "demand", "accuse", "intend", "threaten"]
"""Speech-act types; definitions in docs/guidelines.md."""


class Speaker(Record):
    """Who is reported as speaking."""

    actor: Id | None = None
    """The speaking actor; null for unidentified sources ('reports')."""
    span: Span | None = None
    """The source expression nearest the cue ('Peskov', 'He', 'The French presidency')."""


class Statement(Record):
    """One attributed statement: source, cue and content."""

    id: Id
    """Corpus-wide id ('000_bd8b5cfe7c34e604-s01')."""
    document: Id
    """The document the statement is in."""
    speaker: Speaker
    """Who said it."""
    cue: Span
    """The word or phrase introducing the attribution ('said', 'claimed', 'According to')."""
    content: Span
    """What was said, without surrounding quotation marks."""
    direct: bool
    """True for quoted speech (the content stands in quotation marks), false for reported speech."""
    type: SpeechAct
    """assert, claim, announce, opine, characterize, demand, accuse, intend or threaten."""
    about: list[Id] = Field(default_factory=list)
    """Ids of the events the content reports or refers to."""
    addressees: list[Id] = Field(default_factory=list)
    """Actors the statement is addressed to, when the text says so."""
    note: str | None = None
    """Annotator's note on a non-obvious decision."""
