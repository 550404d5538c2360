"""The models' fields as a neutral tree, the one source of the release's column types.

:func:`model_tree` turns the shape of each field of a model (:mod:`communique.models.shape`) into a
:class:`Node`: a scalar ('string', 'int64', 'bool'), a list of nodes, or a struct of named
fields. :mod:`.features` maps the tree onto ``datasets.Features``, :mod:`.croissant` onto
Croissant fields and :mod:`.card` onto the field tables of the dataset card, so the three
cannot drift from the models (nor from the JSON Schemas, which pydantic derives from the same
models; a test compares them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..models import shape as shapes

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


def _node(shape: shapes.Shape) -> Node:
    if shape.item is not None:
        if shape.item.nullable:
            raise TypeError(f"unsupported {shape!r}: list items may not be null")
        return Node("list", item=_node(shape.item))
    if shape.model is not None:
        return model_tree(shape.model)
    if shape.choices:
        if shape.base is not str:
            raise TypeError(f"unsupported Literal {shape.choices!r}: only string literals map onto a column")
        return Node("scalar", "string", choices=shape.choices)
    if shape.base in _SCALARS:
        return Node("scalar", _SCALARS[shape.base])
    raise TypeError(f"unsupported type {shape.base!r}: extend communique.release.fields")


def node_for(annotation: Any) -> tuple[Node, bool]:
    """The node for a type annotation, and whether it is nullable."""
    shape = shapes.shape_of(annotation)
    return _node(shape), shape.nullable


def model_fields(model: type[BaseModel]) -> tuple[Field, ...]:
    """The model's fields as :class:`Field` s, in declaration order."""
    return tuple(
        Field(f.name, _node(f.shape), (f.description or "").strip(), f.shape.nullable) for f in shapes.fields(model)
    )


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
