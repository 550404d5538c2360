"""The models' fields as a neutral tree, the one source of the release's column types.

:func:`model_tree` walks a pydantic model's fields and turns each annotation into a
:class:`Node`: a scalar ('string', 'int64', 'bool'), a list of nodes, or a struct of named
fields. :mod:`.features` maps the tree onto ``datasets.Features``, :mod:`.croissant` onto
Croissant fields and :mod:`.card` onto the field tables of the dataset card, so the three
cannot drift from the models (nor from the JSON Schemas, which pydantic derives from the same
models; a test compares them).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

Scalar = Literal["string", "int64", "bool"]


@dataclass(frozen=True)
class Node:
    """One column type: a scalar, a list of ``item`` or a struct of ``fields``."""

    kind: Literal["scalar", "list", "struct"]
    dtype: Scalar | None = None
    item: Node | None = None
    fields: tuple[Field, ...] = ()
    model: type[BaseModel] | None = None
    """For a struct: the model it comes from."""
    choices: tuple[str, ...] = ()
    """For a string scalar from a Literal: the allowed values."""

    @property
    def element(self) -> Node:
        """The item node of a list node."""
        if self.item is None:
            raise TypeError("not a list node")
        return self.item


@dataclass(frozen=True)
class Field:
    """A named field of a struct, with the model's description and whether it may be null."""

    name: str
    node: Node
    description: str = ""
    nullable: bool = False


_SCALARS: dict[type, Scalar] = {str: "string", int: "int64", bool: "bool"}


def _strip(annotation: Any) -> tuple[Any, bool]:
    """Remove Annotated wrappers and a None member; return (type, nullable)."""
    nullable = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != len(get_args(annotation)):
                nullable = True
            if len(members) != 1:
                raise TypeError(f"unsupported union {annotation!r}: only 'X | None' maps onto a column")
            annotation = members[0]
        else:
            return annotation, nullable


def node_for(annotation: Any) -> tuple[Node, bool]:
    """The node for a type annotation, and whether it is nullable."""
    annotation, nullable = _strip(annotation)
    origin = get_origin(annotation)
    if origin is Literal:
        values = get_args(annotation)
        if not all(isinstance(v, str) for v in values):
            raise TypeError(f"unsupported Literal {annotation!r}: only string literals map onto a column")
        return Node("scalar", "string", choices=tuple(values)), nullable
    if origin is list:
        item, item_nullable = node_for(get_args(annotation)[0])
        if item_nullable:
            raise TypeError(f"unsupported {annotation!r}: list items may not be null")
        return Node("list", item=item), nullable
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_tree(annotation), nullable
    if annotation in _SCALARS:
        return Node("scalar", _SCALARS[annotation]), nullable
    raise TypeError(f"unsupported annotation {annotation!r}: extend communique.release.fields")


def model_fields(model: type[BaseModel]) -> tuple[Field, ...]:
    """The model's fields as :class:`Field` s, in declaration order."""
    out = []
    for name, info in model.model_fields.items():
        node, nullable = node_for(info.annotation)
        out.append(Field(name, node, (info.description or "").strip(), nullable))
    return tuple(out)


def model_tree(model: type[BaseModel]) -> Node:
    """The struct node of a model."""
    return Node("struct", fields=model_fields(model), model=model)


def struct(fields: tuple[Field, ...] | list[Field]) -> Node:
    """A struct node from fields (for the release views that combine models)."""
    return Node("struct", fields=tuple(fields))


def nested_models(node: Node) -> list[type[BaseModel]]:
    """Every model reachable from ``node`` (depth first, each once), for the card's tables."""
    seen: list[type[BaseModel]] = []

    def visit(n: Node) -> None:
        if n.kind == "list" and n.item is not None:
            visit(n.item)
        elif n.kind == "struct":
            if n.model is not None and n.model not in seen:
                seen.append(n.model)
            for f in n.fields:
                visit(f.node)

    visit(node)
    return seen
