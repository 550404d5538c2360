"""The fields of a model and the shape of each: the one reading of pydantic's field info.

:func:`fields` gives, once per model, a :class:`FieldShape` per field in declaration order: its
name, description, default, and the :class:`Shape` of its annotation, ``Annotated`` wrappers and
a ``None`` member unwrapped: nullable or not, a list of items, a nested model, a closed label set
(a ``Literal``) or a scalar type, with the constraints (pattern, lengths, bounds) it carries.
The constructor, the release's column types, the validator's walk and the answer formats of
language models read the models through here, and :func:`label_set` reads a label set.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

CONSTRAINTS = ("pattern", "min_length", "max_length", "gt", "ge", "lt", "le", "multiple_of")
"""The constraints read from an annotation's metadata (``StringConstraints``, ``Field(ge=0)``...)."""


@dataclass(frozen=True)
class Shape:
    """What an annotation holds: a list of ``item``, a nested ``model``, one of the ``choices``
    of a Literal, or else a value of the scalar type ``base``; None too when ``nullable``."""

    base: Any
    """``list``, the model class, the type of the Literal's values (``object`` when mixed) or the scalar type."""
    nullable: bool = False
    item: Shape | None = None
    model: type[BaseModel] | None = None
    choices: tuple[Any, ...] = ()
    constraints: tuple[tuple[str, Any], ...] = ()
    """``(name, value)`` of each constraint on the value (for a list: on the list itself)."""

    @property
    def nested(self) -> type[BaseModel] | None:
        """The model this holds, itself or as the items of a list; None when it holds none."""
        return self.model if self.item is None else self.item.nested

    def constraint(self, name: str) -> Any:
        """The value of constraint ``name`` (one of :data:`CONSTRAINTS`), None when it has none."""
        return dict(self.constraints).get(name)


@dataclass(frozen=True)
class FieldShape:
    """One field of a model: its name, shape, description and default."""

    name: str
    shape: Shape
    description: str | None
    required: bool
    default: Any
    """The default value (None for a required field or one with a ``default_factory``)."""
    default_factory: Callable[[], Any] | None
    annotation: Any
    """The annotation as declared, with the field's constraints, for a model derived from this one."""

    def default_value(self) -> Any:
        """A fresh default value (from the factory when there is one)."""
        return self.default_factory() if self.default_factory is not None else self.default


def _constraints(metadata: Iterable[Any]) -> tuple[tuple[str, Any], ...]:
    found: dict[str, Any] = {}
    for item in metadata:
        for name in CONSTRAINTS:
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return tuple(found.items())


def shape_of(annotation: Any, metadata: Iterable[Any] = ()) -> Shape:
    """The shape of ``annotation`` (with the field's ``metadata``); TypeError for a union of two
    types or a generic other than ``list`` and ``Literal``."""
    meta, nullable = list(metadata), False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            meta += extra
        elif origin is Union or origin is types.UnionType:
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                raise TypeError(f"unsupported union {annotation!r}: only 'X | None' has a shape")
            nullable = nullable or len(members) != len(get_args(annotation))
            annotation = members[0]
        else:
            break
    constraints = _constraints(meta)
    if origin is list:
        (item,) = get_args(annotation)
        return Shape(list, nullable, item=shape_of(item), constraints=constraints)
    if origin is Literal:
        kinds = {type(v) for v in get_args(annotation)}
        base = kinds.pop() if len(kinds) == 1 else object
        return Shape(base, nullable, choices=get_args(annotation), constraints=constraints)
    if origin is not None:
        raise TypeError(f"unsupported annotation {annotation!r}: no shape for a {origin!r}")
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(annotation, nullable, model=annotation, constraints=constraints)
    return Shape(annotation, nullable, constraints=constraints)


@cache
def fields(model: type[BaseModel]) -> tuple[FieldShape, ...]:
    """The fields of ``model``, in declaration order (computed once per model)."""
    out = []
    for name, info in model.model_fields.items():
        default = None if info.default is PydanticUndefined else info.default
        factory: Any = info.default_factory
        out.append(FieldShape(name, shape_of(info.annotation, info.metadata), info.description,
                              info.is_required(), default, factory, info.rebuild_annotation()))
    return tuple(out)


def field_of(model: type[BaseModel], name: str) -> FieldShape:
    """The field ``name`` of ``model``; KeyError when it has none."""
    for f in fields(model):
        if f.name == name:
            return f
    raise KeyError(f"{model.__name__} has no field {name!r}")


def label_set(literal: Any) -> tuple[Any, ...]:
    """The labels of a closed label set: a Literal alias of strings such as ``ActorType``."""
    shape = shape_of(literal)
    if not shape.choices or shape.base is not str:
        raise TypeError(f"{literal!r} is not a Literal of strings")
    return shape.choices
