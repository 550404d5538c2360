"""Normalised time, after TimeML/TIMEX3, with the precision and derivation made explicit.

A value is an ISO 8601 calendar date at the stated precision (``2025``, ``2025-04``,
``2025-W16``, ``2025-04-13``, ``2025-04-13T21:00``) or an interval of two such values
joined by ``/`` (``2025-04-16/2025-04-17``). Precision maps onto ACLED's ``time_precision``
and UCDP GED's ``date_prec`` (see :mod:`communique.ontology`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ._base import Id, Record
from .span import Span

ISO_VALUE_PATTERN = (
    r"^[0-9]{4}(-W[0-9]{2}|-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2})?)?)?"
    r"(/[0-9]{4}(-W[0-9]{2}|-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2})?)?)?)?$"
)

# ASCII [0-9], not \d: regex engines disagree on whether \d matches other scripts' digits.
IsoValue = Annotated[str, StringConstraints(pattern=ISO_VALUE_PATTERN)]

Precision = Literal["year", "month", "week", "day", "hour", "minute"]
"""The granularity of the value (of each end, for an interval)."""

Anchor = Literal["absolute", "publication", "event", "context", "external"]
"""What the value was resolved against: the text alone (absolute), the publication date,
another event's time, the surrounding text, or knowledge from outside the document."""

TimeRule = Literal[
    "explicit",
    "relative_day",
    "relative_weekday",
    "relative_week",
    "relative_month",
    "since",
    "present",
    "recent",
    "inherited",
    "world_knowledge",
]
"""The guideline rule applied (docs/guidelines.md, section Time)."""

TimeMod = Literal["before", "after", "on_or_before", "on_or_after", "approx", "start", "end"]
"""TIMEX3-style modifier for a value that is only bounded or approximate."""


class TimeValue(Record):
    """When something happened, normalised against the publication date (TIMEX3 value, type and anchor)."""

    span: Span | None = None
    """The time expression in the text ('last night', 'On Saturday'); null when no expression states it."""
    value: IsoValue
    """ISO 8601 date, week, date-time or interval 'start/end' at the stated precision."""
    precision: Precision
    """Granularity of the value: year, month, week, day, hour or minute."""
    anchor: Anchor
    """What the value was resolved against: absolute, publication, event, context or external."""
    anchor_event: Id | None = None
    """When anchor is 'event': the id of the event whose time this one is relative to."""
    rule: TimeRule
    """The guideline rule used to derive the value (e.g. relative_weekday for 'On Saturday')."""
    mod: TimeMod | None = None
    """TIMEX3-style modifier when the value is a bound or approximate (before, after, approx...)."""
    note: str | None = None
    """Free-text explanation of the derivation where the rule alone does not make it obvious."""


DateSource = Literal["printed", "inferred"]


class PublicationDate(Record):
    """The document's publication date and how it is known."""

    value: IsoValue
    """ISO 8601 date (or interval when only a range is known)."""
    precision: Precision
    """Granularity of the value."""
    source: DateSource
    """'printed' when the date appears in the document, 'inferred' when it is deduced."""
    evidence: list[Span] = Field(default_factory=list)
    """Spans of the text that support the date (the printed date, or the clues it was inferred from)."""
    note: str | None = None
    """How the date was established, when inferred."""
