"""The per-node rules of one document (spans, times, values) in one pass over its model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from ..models import Attribution, DocumentFile, Mention, PublicationDate, Quantity, Span, TimeValue, shape
from ..report import Finding
from . import spans, times
from . import values as values_check

_VALUE_NODES = frozenset({Quantity, TimeValue, Attribution})

Published = times.Published | None


@dataclass(frozen=True)
class Rules:
    """Which per-node rules run (the others are not selected)."""

    spans: bool = True
    times: bool = True
    values: bool = True


def _values_ok(cls: type, values: dict[str, object]) -> bool:
    """The E308/E309 rules' passing case, decided without building a path (the rules themselves
    in :mod:`communique.validation.values` report the failing case)."""
    if cls is Attribution:
        kind, actor = values["kind"], values["actor"]
        return not ((kind == "named" and actor is None) or (kind == "author" and actor is not None))
    if cls is Quantity:
        upper, value = values["upper"], values["value"]
        if values["qualifier"] == "range":
            return isinstance(upper, int) and isinstance(value, int) and upper >= value
        return upper is None
    if cls is TimeValue:
        return (values["anchor"] == "event") == (values["anchor_event"] is not None)
    return True


def _mentions(
    out: list[Finding], mentions: list[Mention], text: str | None, rel: str, doc_id: str, at: Callable[[str, int], int]
) -> int:
    """:func:`visit` for the mentions of a document (a mention nests nothing but its span): the
    same findings, without a stack. Returns the number of fields set."""
    fields = 0
    size = len(text) if text is not None else 0
    for i, mention in enumerate(mentions):
        span = mention.span
        fields += len(mention.__pydantic_fields_set__) + len(span.__pydantic_fields_set__)
        if text is None:
            continue
        values = span.__dict__
        start, end, covered = values["start"], values["end"], values["text"]
        if not (start < end <= size and text[start:end] == covered) or covered[0].isspace() or covered[-1].isspace():
            spans.check_span(out, span, text, rel, f"$.mentions[{at('mentions', i)}].span", mention.id, doc_id)
    return fields


Location = tuple["Location", str, int] | None
"""Where a node sits: None for the file's top level, else (its parent's location, the field
name, the index in the list or -1). Spelled out as a JSON path only when a rule needs it."""


def json_path(location: Location) -> str:
    """The JSON path of a location: ``$``, ``$.document``, ``$.events[3].triggers[0]``..."""
    parts: list[str] = []
    while location is not None:
        location, name, index = location
        parts.append(f".{name}[{index}]" if index >= 0 else f".{name}")
    return "$" + "".join(reversed(parts))


_TIME_NODES = frozenset({TimeValue, PublicationDate})

Plan = tuple[bool, bool, bool, tuple[str, ...]]
"""Of a model class: whether it is a time node, whether a value node (E308/E309), whether it has
an ``id`` field, and the names of its fields that can hold models."""

_PLANS: dict[type[BaseModel], Plan] = {}


def _plan(cls: type[BaseModel]) -> Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        own = shape.fields(cls)
        nested = tuple(f.name for f in own if f.shape.nested is not None)
        plan = _PLANS[cls] = (cls in _TIME_NODES, cls in _VALUE_NODES, any(f.name == "id" for f in own), nested)
    return plan


_MENTION_PLAN = (False, False, True, ("span",))
"""What :func:`_mentions` assumes of a mention: a record that nests nothing but its span."""


def visit(
    out: list[Finding], doc: DocumentFile, rel: str, text: str | None, at: Callable[[str, int], int],
    rules: Rules = Rules(), moved: bool = False,
) -> tuple[Published, int]:
    """Every per-node rule (spans, times, values) in one pass over the model. Returns the parsed
    publication date and the number of fields set across the tree, which is the number of keys
    of a file read without duplicate keys (each JSON object of a document file is a model and
    none allows extra keys). ``at`` gives a record's position in the file (records refused by the
    structural layer are not in ``doc``; ``moved`` says whether any was); a node's path is spelled
    out only when a rule needs it. A span is checked where its holder is met (spans nest nothing)."""
    doc_id = doc.document.id
    if not rules.spans:
        text = None
    size = len(text) if text is not None else 0
    published: Published = None
    publication = doc.document.published
    fields = len(doc.__pydantic_fields_set__)
    stack: list[tuple[Location, BaseModel, str | None]] = []
    pop, push = stack.pop, stack.append
    top = doc.__dict__
    for field_name in _plan(DocumentFile)[3]:
        value = top[field_name]
        if field_name == "mentions" and _plan(Mention) == _MENTION_PLAN:
            fields += _mentions(out, value, text, rel, doc_id, at)
        elif value.__class__ is list:
            for i, item in enumerate(value):
                push(((None, field_name, at(field_name, i) if moved else i), item, None))
        elif value is not None:
            push(((None, field_name, -1), value, None))
    times_on, values_on = rules.times, rules.values
    plans = _PLANS
    while stack:
        location, node, record = pop()
        cls = node.__class__
        values = node.__dict__
        fields += len(node.__pydantic_fields_set__)
        is_time, is_value, has_id_field, nested = plans.get(cls) or _plan(cls)
        if has_id_field:
            record = values["id"]
        if is_time and times_on:
            parsed = times.check_node(out, node, rel, json_path(location), record)  # type: ignore[arg-type]
            if parsed is not None and node is publication:
                published = parsed
        if is_value and values_on and not _values_ok(cls, values):
            values_check.check_node(out, node, rel, json_path(location), record)
        for field_name in nested:
            value = values[field_name]
            if value.__class__ is list:
                for i, item in enumerate(value):
                    if item.__class__ is Span:
                        fields += len(item.__pydantic_fields_set__)
                        if text is not None:
                            span = item.__dict__
                            start, end, covered = span["start"], span["end"], span["text"]
                            if not (start < end <= size and text[start:end] == covered) or covered[0].isspace() \
                                    or covered[-1].isspace():
                                spans.check_span(out, item, text, rel, json_path((location, field_name, i)), record,
                                                 doc_id)
                    else:
                        push(((location, field_name, i), item, record))
            elif value is None:
                continue
            elif value.__class__ is Span:
                fields += len(value.__pydantic_fields_set__)
                if text is not None:
                    span = value.__dict__
                    start, end, covered = span["start"], span["end"], span["text"]
                    if not (start < end <= size and text[start:end] == covered) or covered[0].isspace() or \
                            covered[-1].isspace():
                        spans.check_span(out, value, text, rel, json_path((location, field_name, -1)), record, doc_id)
            else:
                push(((location, field_name, -1), value, record))
    return published, fields
