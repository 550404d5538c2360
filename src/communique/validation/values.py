"""Values that must agree with each other: E308 quantity bounds against the qualifier, E309
time anchor against anchor_event and attribution kind against actor."""

from __future__ import annotations

from ..codes import finding
from ..models import Attribution, Quantity, TimeValue
from ..report import Finding

CODES = ("E308", "E309")

_RANGE = "an upper bound >= the value, with qualifier 'range'"
_NOT_RANGE = "no upper bound unless the qualifier is 'range'"


def _quantity(out: list[Finding], q: Quantity, file: str, path: str, record: str | None) -> None:
    if q.qualifier == "range" and q.upper is not None and q.upper >= q.value:
        return
    if q.qualifier != "range" and q.upper is None:
        return
    ranged = q.qualifier == "range"
    expected = f"an integer >= {q.value}" if ranged else "null (or qualifier 'range')"
    found = "null" if q.upper is None else str(q.upper)
    out.append(finding("E308", file, f"{path}.upper", record=record, expected=expected, found=found,
                       upper="missing" if q.upper is None else q.upper, qualifier=q.qualifier, value=q.value,
                       rule=_RANGE if ranged else _NOT_RANGE))


def _time(out: list[Finding], t: TimeValue, file: str, path: str, record: str | None) -> None:
    if t.anchor == "event" and t.anchor_event is None:
        out.append(finding("E309", file, f"{path}.anchor_event", record=record, expected="an event id", found="null",
                           name="anchor_event", value="missing", other="anchor", other_value=t.anchor,
                           rule="the id of the event this time is relative to"))
    elif t.anchor != "event" and t.anchor_event is not None:
        out.append(finding("E309", file, f"{path}.anchor_event", record=record, expected="null (or anchor 'event')",
                           found=repr(t.anchor_event), name="anchor_event", value=repr(t.anchor_event),
                           other="anchor", other_value=t.anchor, rule="anchor_event only with anchor 'event'"))


def _attribution(out: list[Finding], a: Attribution, file: str, path: str, record: str | None) -> None:
    if a.kind == "named" and a.actor is None:
        out.append(finding("E309", file, f"{path}.actor", record=record, expected="an actor id", found="null",
                           name="actor", value="missing", other="attribution kind", other_value=a.kind,
                           rule="the id of the named actor"))
    elif a.kind == "author" and a.actor is not None:
        out.append(finding("E309", file, f"{path}.actor", record=record, expected="null (or kind 'named')",
                           found=repr(a.actor), name="actor", value=repr(a.actor), other="attribution kind",
                           other_value=a.kind, rule="no actor (the document's own voice)"))


def check_node(out: list[Finding], node: object, file: str, path: str, record: str | None) -> None:
    """E308 and E309 for one nested model (other models are left alone)."""
    if isinstance(node, Quantity):
        _quantity(out, node, file, path, record)
    elif isinstance(node, TimeValue):
        _time(out, node, file, path, record)
    elif isinstance(node, Attribution):
        _attribution(out, node, file, path, record)
