"""Structured quantities: 'at least 35', 'almost 35', '45 minute'."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ._base import INTEGRAL, Record
from .attribution import Attribution
from .span import Span

QuantityKind = Literal["killed", "injured", "affected", "participants", "duration", "count"]
"""What is counted (docs/guidelines.md, section Quantities)."""

Qualifier = Literal["exact", "at_least", "more_than", "at_most", "fewer_than", "almost", "approximately", "range"]
"""How the number is hedged in the text: 'at least 35' is at_least, 'almost 35' is almost."""

Unit = Literal["person", "minute", "hour", "day", "year", "item", "actor"]

Count = Annotated[int, Field(ge=0, le=10**15), INTEGRAL]


class Quantity(Record):
    """A number the text gives about an event, with its hedge and its source."""

    what: QuantityKind
    """What is counted: killed, injured, affected, participants, duration or count."""
    value: Count
    """The number as stated (the lower bound of a range)."""
    upper: Count | None = None
    """Upper bound, only when qualifier is 'range'."""
    qualifier: Qualifier
    """How the number is hedged: exact, at_least, more_than, at_most, fewer_than, almost, approximately, range."""
    unit: Unit = "person"
    """Unit of the value: person for casualty counts, minute for durations..."""
    span: Span
    """The number with its hedge ('at least 35', 'almost 35')."""
    source: Attribution
    """Who the figure is attributed to; conflicting figures are kept side by side, each with its source."""
