"""Mentions: E307 an actor never mentioned, W400 an argument or speaker span that is not a
mention of its actor, W401 the same actor mentioned twice at the same span."""

from __future__ import annotations

from ..loader import ACTORS_FILE
from ..models import DocumentFile, Span
from ._context import Context


def _mentioned(ctx: Context) -> None:
    """E307. Skipped when a document file failed to load: its mentions are unknown, and the
    structural finding already says why."""
    if not ctx.all_documents_loaded():
        return
    unmentioned(ctx, [a.id for a in ctx.actors], {m.actor for _, doc in ctx.documents for m in doc.mentions})


def unmentioned(ctx: Context, actor_ids: list[str], mentioned: set[str]) -> None:
    """E307 for every actor (its id at its position in data/actors.json) whose id is not in ``mentioned``."""
    for i, actor_id in enumerate(actor_ids):
        if actor_id not in mentioned:
            ctx.add(
                "E307",
                ACTORS_FILE,
                f"$.actors[{i}]",
                f"actor {actor_id!r} has no mention in any document; expected at least one mention "
                "(or remove the actor)",
                record=actor_id,
                expected="at least one mention",
                found="none",
            )


def _at_mention(
    ctx: Context, spans: set[tuple[str, int, int]], actor: str, span: Span, file: str, path: str, record: str
) -> None:
    if (actor, span.start, span.end) not in spans:
        ctx.add(
            "W400",
            file,
            path,
            f"span {span.text!r} at {span.start}-{span.end} is not a mention of actor {actor!r}; "
            "expected the span of one of that actor's mentions",
            record=record,
            expected=f"a mention span of {actor!r}",
            found=f"{span.start}-{span.end}",
        )


def check_document(ctx: Context, rel: str, doc: DocumentFile) -> None:
    """W400 and W401 for one document file."""
    spans: dict[tuple[str, int, int], str] = {}
    for i, m in enumerate(doc.mentions):
        key = (m.actor, m.span.start, m.span.end)
        if key in spans:
            ctx.add(
                "W401",
                rel,
                f"$.mentions[{i}]",
                f"mention repeats {spans[key]!r}: actor {m.actor!r} at {m.span.start}-{m.span.end}; "
                "expected one mention per actor and span",
                record=m.id,
                expected="one mention per actor and span",
                found=f"also {spans[key]!r}",
            )
        else:
            spans[key] = m.id
    keys = set(spans)
    for i, e in enumerate(doc.events):
        for j, arg in enumerate(e.arguments):
            if arg.span is not None:
                _at_mention(ctx, keys, arg.actor, arg.span, rel, f"$.events[{i}].arguments[{j}].span", e.id)
    for i, s in enumerate(doc.statements):
        if s.speaker.actor is not None and s.speaker.span is not None:
            path = f"$.statements[{i}].speaker.span"
            _at_mention(ctx, keys, s.speaker.actor, s.speaker.span, rel, path, s.id)


def check(ctx: Context) -> None:
    _mentioned(ctx)
    for rel, doc in ctx.documents:
        check_document(ctx, rel, doc)
