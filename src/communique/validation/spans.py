"""Spans against the document text: E300 out of bounds, E301 reversed or empty, E302 text
mismatch, W402 untrimmed. Every Span in a document file is found by walking the model
(:mod:`.visit`), so a new span field is covered without a new rule; actor role spans are checked
against the text of their role's document."""

from __future__ import annotations

from ..codes import finding
from ..models import Span
from ..report import Finding

CODES = ("E300", "E301", "E302", "W402")


def show(value: object, limit: int = 60) -> str:
    """A short repr of a value for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_span(out: list[Finding], span: Span, text: str, file: str, path: str, record: str | None,
               doc_id: str) -> None:
    start, end, size = span.start, span.end, len(text)
    if end <= start:
        out.append(finding("E301", file, f"{path}.end", record=record, expected=f"end > {start}", found=str(end),
                           start=start, end=end))
        return
    if end > size:
        bad = "start" if start > size else "end"
        out.append(finding("E300", file, f"{path}.{bad}", record=record, expected=f"0 <= start < end <= {size}",
                           found=f"{start}-{end}", start=start, end=end, doc_id=doc_id, size=size))
        return
    actual = text[start:end]
    if actual != span.text:
        out.append(finding("E302", file, f"{path}.text", record=record, expected=show(actual), found=show(span.text),
                           doc_id=doc_id, start=start, end=end, actual=show(actual), text=show(span.text)))
        return
    if actual != actual.strip():
        out.append(finding("W402", file, f"{path}.text", record=record, expected=show(actual.strip()),
                           found=show(actual), actual=show(actual), trimmed=show(actual.strip())))
