"""Spans against the document text: E300 out of bounds, E301 reversed or empty, E302 text
mismatch, W402 untrimmed. Every Span in a document file is found by walking the model, so a
new span field is covered without a new rule; actor role spans are checked against the text
of their role's document."""

from __future__ import annotations

from ..loader import ACTORS_FILE
from ..models import Span
from ._context import Context, show, walk


def check_span(ctx: Context, span: Span, text: str, file: str, path: str, record: str | None, doc_id: str) -> None:
    size = len(text)
    if span.end <= span.start:
        ctx.add(
            "E301",
            file,
            f"{path}.end",
            f"span ends at {span.end}, not after its start {span.start}; expected end > start",
            record=record,
            expected=f"end > {span.start}",
            found=str(span.end),
        )
        return
    if span.end > size:
        bad = "start" if span.start > size else "end"
        ctx.add(
            "E300",
            file,
            f"{path}.{bad}",
            f"span {span.start}-{span.end} goes past the end of the text of document {doc_id!r} "
            f"({size} characters); expected offsets within 0..{size}",
            record=record,
            expected=f"0 <= start < end <= {size}",
            found=f"{span.start}-{span.end}",
        )
        return
    actual = text[span.start : span.end]
    if actual != span.text:
        ctx.add(
            "E302",
            file,
            f"{path}.text",
            f"span text differs from the text of document {doc_id!r} at {span.start}-{span.end}: "
            f"expected {show(actual)}, found {show(span.text)}",
            record=record,
            expected=show(actual),
            found=show(span.text),
        )
        return
    if actual != actual.strip():
        ctx.add(
            "W402",
            file,
            f"{path}.text",
            f"span {show(actual)} starts or ends with white space; expected a span trimmed to {show(actual.strip())}",
            record=record,
            expected=show(actual.strip()),
            found=show(actual),
        )


def check(ctx: Context) -> None:
    for rel, doc in ctx.documents:
        doc_id = doc.document.id
        text = ctx.reading.texts.get(doc.document.seed)
        if text is None:
            continue
        for path, node, record in walk(doc, "$"):
            if isinstance(node, Span):
                check_span(ctx, node, text, rel, path, record, doc_id)
    for i, actor in enumerate(ctx.actors):
        for j, role in enumerate(actor.roles):
            text = ctx.texts.get(role.document)
            if text is not None:
                path = f"$.actors[{i}].roles[{j}].span"
                check_span(ctx, role.span, text, ACTORS_FILE, path, actor.id, role.document)
