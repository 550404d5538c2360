"""Dates and times: E304 not a real calendar value, E305 interval start after end, E306
precision differs from the value's granularity, W403 asserted event dated after publication."""

from __future__ import annotations

from ..models import DocumentFile, PublicationDate, TimeValue
from ._context import Context, walk
from ._dates import DateError, Period, parse_value


def _check_value(
    ctx: Context, node: TimeValue | PublicationDate, file: str, path: str, record: str | None
) -> tuple[Period, Period | None] | None:
    try:
        start, end = parse_value(node.value)
    except DateError as exc:
        ctx.add(
            "E304",
            file,
            f"{path}.value",
            f"{exc}: expected a real ISO 8601 calendar value, found {node.value!r}",
            record=record,
            expected="a real ISO 8601 calendar value",
            found=repr(node.value),
        )
        return None
    if end is not None and start.first > end.last:
        ctx.add(
            "E305",
            file,
            f"{path}.value",
            f"interval {node.value!r} starts after it ends; expected start <= end",
            record=record,
            expected="start <= end",
            found=f"{start.text} after {end.text}",
        )
    for part in (start, end):
        if part is not None and node.precision not in part.precisions:
            what = "interval end" if part is end else ("interval start" if end is not None else "value")
            ctx.add(
                "E306",
                file,
                f"{path}.precision",
                f"precision is {node.precision!r} but the {what} {part.text!r} has {part.precision} granularity; "
                f"expected precision {part.precision!r}",
                record=record,
                expected=repr(part.precision),
                found=repr(node.precision),
            )
            break
    return start, end


def check_node(
    ctx: Context, node: TimeValue | PublicationDate, file: str, path: str, record: str | None, doc: DocumentFile
) -> tuple[Period, Period | None] | None:
    """E304-E306 for one value; returns the parsed publication date when ``node`` is it."""
    parsed = _check_value(ctx, node, file, path, record)
    return parsed if node is doc.document.published else None


def check_future(ctx: Context, rel: str, doc: DocumentFile, published: tuple[Period, Period | None] | None) -> None:
    """W403 for the events of one document, given its parsed publication date."""
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
            ctx.add(
                "W403",
                rel,
                f"$.events[{i}].time.value",
                f"event is asserted as having happened but is dated {event.time.value!r}, after the publication "
                f"date {pub.value!r}; expected factuality planned, hypothetical or uncertain, "
                "or an earlier date",
                record=event.id,
                expected=f"a date on or before {pub.value!r}",
                found=repr(event.time.value),
            )


def check(ctx: Context) -> None:
    for rel, doc in ctx.documents:
        published: tuple[Period, Period | None] | None = None
        for path, node, record in walk(doc, "$"):
            if isinstance(node, TimeValue | PublicationDate):
                parsed = check_node(ctx, node, rel, path, record, doc)
                if parsed is not None:
                    published = parsed
        check_future(ctx, rel, doc, published)
