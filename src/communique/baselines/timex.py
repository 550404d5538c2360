"""Time expressions of the rule baseline, normalised against the publication date.

Explicit dates ('April 13, 2025', '13 April 2025', 'March 2025') are taken as written; relative
ones ('on Saturday', 'last night', 'yesterday', 'last week', 'in March') are resolved against the
publication date when it is known to the day: a weekday is the latest such day before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Precision
from ..models.time import Anchor, TimeRule

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_M = "(" + "|".join(m.capitalize() for m in MONTHS) + ")"
_W = "(" + "|".join(w.capitalize() for w in WEEKDAYS) + ")"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?:{_W},?\s+)?{_M}\s+(\d{{1,2}}),\s*(\d{{4}})\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})\s+{_M}\s+(\d{{4}})\b")),
    ("my", re.compile(rf"\b{_M}\s+(\d{{4}})\b")),
    ("in_month", re.compile(rf"\b[Ii]n\s+{_M}\b(?!\s+\d)")),
    ("weekday", re.compile(rf"\b[Oo]n\s+{_W}\b(?!,?\s+{_M})")),
    ("yesterday", re.compile(r"\b(?:[Ll]ast night|[Yy]esterday)\b")),
    ("today", re.compile(r"\b(?:[Tt]oday|[Tt]his morning|[Tt]onight)\b")),
    ("last_week", re.compile(r"\b[Ll]ast week\b")),
    ("last_month", re.compile(r"\b[Ll]ast month\b")),
]


@dataclass(frozen=True)
class Timex:
    """A time expression found in the text and its normalised value."""

    start: int
    end: int
    value: str
    precision: Precision
    rule: TimeRule
    anchor: Anchor


def _month(name: str) -> int:
    return MONTHS.index(name.lower()) + 1


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> tuple[str, Precision, TimeRule] | None:
    """(value, precision, rule) of a match, or None when it needs a publication date we lack."""
    if kind == "mdy":
        d = _safe_date(int(m.group(4)), _month(m.group(2)), int(m.group(3)))
        return (d.isoformat(), "day", "explicit") if d else None
    if kind == "dmy":
        d = _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        return (d.isoformat(), "day", "explicit") if d else None
    if kind == "my":
        return f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}", "month", "explicit"
    if pub is None:
        return None
    if kind == "in_month":
        month = _month(m.group(1))
        year = pub.year if month <= pub.month else pub.year - 1
        return f"{year:04d}-{month:02d}", "month", "relative_month"
    if kind == "weekday":
        back = (pub.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7 or 7
        return (pub - timedelta(days=back)).isoformat(), "day", "relative_weekday"
    if kind == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), "day", "relative_day"
    if kind == "today":
        return pub.isoformat(), "day", "relative_day"
    if kind == "last_week":
        year, week, _ = (pub - timedelta(days=7)).isocalendar()
        return f"{year:04d}-W{week:02d}", "week", "relative_week"
    first = pub.replace(day=1) - timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}", "month", "relative_month"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def publication_day(value: str) -> date | None:
    """The publication date when it is known to the day."""
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def find_timexes(text: str, pub: date | None) -> list[Timex]:
    """Every time expression in ``text`` with a value, earliest first; overlapping ones keep the first pattern."""
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved = _resolve(kind, m, pub)
            if resolved is None:
                continue
            value, precision, rule = resolved
            anchor: Anchor = "absolute" if rule == "explicit" else "publication"
            found.append(Timex(m.start(), m.end(), value, precision, rule, anchor))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)
