"""Dates and times: E304 not a real calendar value, E305 interval start after end, E306
precision differs from the value's granularity, W403 asserted event dated after publication,
W420 an undated event whose trigger a time expression directly follows."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..codes import finding
from ..models import DocumentFile, PublicationDate, TimeValue
from ..report import Finding
from ._dates import DateError, Period, parse_value

CODES = ("E304", "E305", "E306", "W403", "W420")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MODIFIER = re.compile(rf"[ \t]+((?:in (?:{_MONTHS})(?: \d{{4}})?|on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)")
"""A time expression directly after a trigger noun: 'in March', 'in March 2025', 'on Saturday'."""

Published = tuple[Period, Period | None]


def check_node(
    out: list[Finding], node: TimeValue | PublicationDate, file: str, path: str, record: str | None
) -> Published | None:
    """E304-E306 for one value; returns the parsed value (None when it is not a real one)."""
    try:
        start, end = parse_value(node.value)
    except DateError as exc:
        out.append(finding("E304", file, f"{path}.value", record=record, expected="a real ISO 8601 calendar value",
                           found=repr(node.value), error=exc, value=node.value))
        return None
    if end is not None and start.first > end.last:
        out.append(finding("E305", file, f"{path}.value", record=record, expected="start <= end",
                           found=f"{start.text} after {end.text}", value=node.value))
    for part in (start, end):
        if part is not None and node.precision not in part.precisions:
            what = "interval end" if part is end else ("interval start" if end is not None else "value")
            out.append(finding("E306", file, f"{path}.precision", record=record, expected=repr(part.precision),
                               found=repr(node.precision), precision=node.precision, what=what, part=part.text,
                               granularity=part.precision))
            break
    return start, end


def check_future(
    out: list[Finding], rel: str, doc: DocumentFile, published: Published | None, at: Callable[[str, int], int]
) -> None:
    """W403 for the events of one document, given its parsed publication date (``at`` gives an
    event's position in the file)."""
    pub = doc.document.published
    if published is None or pub is None:
        return
    pub_last = (published[1] or published[0]).last
    for i, event in enumerate(doc.events):
        if event.factuality != "asserted" or event.time is None:
            continue
        try:
            start, _ = parse_value(event.time.value)
        except DateError:
            continue
        if start.first > pub_last:
            out.append(finding("W403", rel, f"$.events[{at('events', i)}].time.value", record=event.id,
                               expected=f"a date on or before {pub.value!r}", found=repr(event.time.value),
                               value=event.time.value, published=pub.value))


def check_untimed(out: list[Finding], rel: str, doc: DocumentFile, text: str, at: Callable[[str, int], int]) -> None:
    """W420 for the undated events of one document (``text`` is its seed text)."""
    for i, event in enumerate(doc.events):
        if event.time is not None:
            continue
        for trigger in event.triggers:
            m = _MODIFIER.match(text, trigger.end)
            if m is not None:
                out.append(finding("W420", rel, f"$.events[{at('events', i)}].time", record=event.id,
                                   expected=f"the time of {m.group(1)!r}", found="null", expression=m.group(1),
                                   start=m.start(1), trigger=trigger.text))
                break
