"""Parsing the ISO 8601 values of the record format into the instants they cover."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

_END = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-W(?P<week>[0-9]{2})|-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}))?)?)?"
)


class DateError(ValueError):
    """A value that is not a real calendar value; the message says why."""


@dataclass(frozen=True)
class Period:
    """One ISO value: its granularity and the first and last instants it covers."""

    text: str
    precision: str
    first: datetime
    last: datetime

    @property
    def precisions(self) -> frozenset[str]:
        """The precisions this value can carry: a time on the hour ('T21:00') is hour or minute."""
        if self.precision == "minute" and self.first.minute == 0:
            return frozenset({"hour", "minute"})
        return frozenset({self.precision})


def _before(first: datetime, **step: int) -> datetime:
    """The last instant before ``first + step`` (the end of the period that starts at ``first``)."""
    try:
        return first + timedelta(**step) - timedelta(microseconds=1)
    except OverflowError:  # the period ends with year 9999
        return datetime.max


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


@lru_cache(maxsize=4096)
def parse_end(text: str) -> Period:
    """Parse one end of a value (``2025``, ``2025-W16``, ``2025-04-13T21:00``...)."""
    m = _END.fullmatch(text)
    if m is None:
        raise DateError(f"{text!r} is not an ISO 8601 date, week or date-time")
    year = int(m["year"])
    if year < 1:
        raise DateError(f"year {m['year']} does not exist; expected 0001-9999")
    if m["week"] is not None:
        week = int(m["week"])
        if not 1 <= week <= _weeks_in(year):
            raise DateError(f"week {m['week']} does not exist in {year}; expected 01-{_weeks_in(year):02d}")
        first = datetime.fromisocalendar(year, week, 1)
        return Period(text, "week", first, _before(first, days=7))
    if m["month"] is None:
        return Period(text, "year", datetime(year, 1, 1), datetime(year, 12, 31, 23, 59, 59, 999999))
    month = int(m["month"])
    if not 1 <= month <= 12:
        raise DateError(f"month {m['month']} does not exist; expected 01-12")
    if m["day"] is None:
        first = datetime(year, month, 1)
        return Period(text, "month", first, _before(first, days=calendar.monthrange(year, month)[1]))
    try:
        day = date(year, month, int(m["day"]))
    except ValueError:
        raise DateError(f"{year}-{m['month']} has no day {m['day']}") from None
    if m["hour"] is None:
        first = datetime(day.year, day.month, day.day)
        return Period(text, "day", first, _before(first, days=1))
    hour, minute = int(m["hour"]), int(m["minute"])
    if hour > 23 or minute > 59:
        raise DateError(f"time {m['hour']}:{m['minute']} does not exist; expected 00:00-23:59")
    first = datetime(day.year, day.month, day.day, hour, minute)
    return Period(text, "minute", first, _before(first, minutes=1))


def parse_value(value: str) -> tuple[Period, Period | None]:
    """Parse a value or an interval ``start/end``; DateError when either end is not real."""
    head, sep, tail = value.partition("/")
    start = parse_end(head)
    return start, (parse_end(tail) if sep else None)
