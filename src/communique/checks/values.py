"""Values that must agree with each other: E308 quantity bounds against the qualifier, E309
time anchor against anchor_event and attribution kind against actor."""

from __future__ import annotations

from ..models import Attribution, Quantity, TimeValue
from ._context import Context, walk


def _quantity(ctx: Context, q: Quantity, file: str, path: str, record: str | None) -> None:
    if q.qualifier == "range":
        if q.upper is None:
            ctx.add(
                "E308",
                file,
                f"{path}.upper",
                f"qualifier is 'range' but upper is missing; expected an upper bound >= value {q.value}",
                record=record,
                expected=f"an integer >= {q.value}",
                found="null",
            )
        elif q.upper < q.value:
            ctx.add(
                "E308",
                file,
                f"{path}.upper",
                f"range upper bound {q.upper} is below its lower bound {q.value}; expected upper >= value",
                record=record,
                expected=f"an integer >= {q.value}",
                found=str(q.upper),
            )
    elif q.upper is not None:
        ctx.add(
            "E308",
            file,
            f"{path}.upper",
            f"upper is {q.upper} but qualifier is {q.qualifier!r}; expected upper only with qualifier 'range'",
            record=record,
            expected="null (or qualifier 'range')",
            found=str(q.upper),
        )


def _time(ctx: Context, t: TimeValue, file: str, path: str, record: str | None) -> None:
    if t.anchor == "event" and t.anchor_event is None:
        ctx.add(
            "E309",
            file,
            f"{path}.anchor_event",
            "anchor is 'event' but anchor_event is missing; expected the id of the event this time is relative to",
            record=record,
            expected="an event id",
            found="null",
        )
    elif t.anchor != "event" and t.anchor_event is not None:
        ctx.add(
            "E309",
            file,
            f"{path}.anchor_event",
            f"anchor_event is {t.anchor_event!r} but anchor is {t.anchor!r}; "
            "expected anchor_event only with anchor 'event'",
            record=record,
            expected="null (or anchor 'event')",
            found=repr(t.anchor_event),
        )


def _attribution(ctx: Context, a: Attribution, file: str, path: str, record: str | None) -> None:
    if a.kind == "named" and a.actor is None:
        ctx.add(
            "E309",
            file,
            f"{path}.actor",
            "attribution kind is 'named' but actor is missing; expected the id of the named actor",
            record=record,
            expected="an actor id",
            found="null",
        )
    elif a.kind == "author" and a.actor is not None:
        ctx.add(
            "E309",
            file,
            f"{path}.actor",
            f"attribution kind is 'author' but actor is {a.actor!r}; expected no actor (the document's own voice)",
            record=record,
            expected="null (or kind 'named')",
            found=repr(a.actor),
        )


def check_node(ctx: Context, node: object, file: str, path: str, record: str | None) -> None:
    """E308 and E309 for one nested model (other models are left alone)."""
    if isinstance(node, Quantity):
        _quantity(ctx, node, file, path, record)
    elif isinstance(node, TimeValue):
        _time(ctx, node, file, path, record)
    elif isinstance(node, Attribution):
        _attribution(ctx, node, file, path, record)


def check(ctx: Context) -> None:
    for rel, doc in ctx.documents:
        for path, node, record in walk(doc, "$"):
            check_node(ctx, node, rel, path, record)
