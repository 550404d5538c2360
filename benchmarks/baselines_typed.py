"""Baselines for the scale benchmark, built from the package's own models and schemas.

- :func:`msgspec_types`: msgspec Structs mirroring the pydantic models (same fields, types,
  literals, defaults, patterns and bounds; unknown fields forbidden), for a typed msgspec decode.
- :func:`jsonschema_validators`: ``jsonschema.Draft202012Validator`` for each record kind, with the
  shipped schemas in a registry (formats not asserted, as the validator does by default).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel

from communique.models import Event, Mention, Statement
from communique.models.shape import Shape, fields

KINDS: dict[str, type[BaseModel]] = {"mentions": Mention, "events": Event, "statements": Statement}


def _convert(shape: Shape, cache: dict[type, Any]) -> Any:
    import msgspec

    if shape.item is not None:
        out: Any = list[_convert(shape.item, cache)]  # type: ignore[misc]
    elif shape.model is not None:
        out = struct_for(shape.model, cache)
    elif shape.choices:
        out = Literal.__getitem__(shape.choices)  # type: ignore[attr-defined]
    else:
        out = shape.base
    if shape.constraints:
        out = Annotated[out, msgspec.Meta(**dict(shape.constraints))]
    return Optional[out] if shape.nullable else out  # noqa: UP045  # built at run time


def struct_for(model: type[BaseModel], cache: dict[type, Any] | None = None) -> Any:
    """A msgspec Struct type with the fields of ``model``."""
    import msgspec

    cache = {} if cache is None else cache
    if model in cache:
        return cache[model]
    out: list[Any] = []
    for field in fields(model):
        annotation = _convert(field.shape, cache)
        if field.required:
            out.append((field.name, annotation))
        elif field.default_factory is not None:
            out.append((field.name, annotation, msgspec.field(default_factory=field.default_factory)))
        else:
            out.append((field.name, annotation, field.default))
    struct = msgspec.defstruct(model.__name__, out, kw_only=True, forbid_unknown_fields=True)
    cache[model] = struct
    return struct


def msgspec_decoders() -> dict[str, Any]:
    """A typed msgspec JSON decoder per record kind."""
    import msgspec

    cache: dict[type, Any] = {}
    return {kind: msgspec.json.Decoder(struct_for(model, cache)) for kind, model in KINDS.items()}


def jsonschema_validators() -> dict[str, Any]:
    """A Draft 2020-12 validator per record kind, resolving references through the shipped schemas."""
    from jsonschema import Draft202012Validator

    from communique import schema_registry
    from communique.schema import schema_id, shipped

    registry = schema_registry()
    files = shipped()
    names = {"mentions": "mention", "events": "event", "statements": "statement"}
    out = {}
    for kind, name in names.items():
        contents = files[f"{name}.json"]
        assert contents["$id"] == schema_id(name)
        out[kind] = Draft202012Validator(contents, registry=registry)
    return out


def jsonschema_rs_validators() -> dict[str, Any]:
    """A jsonschema-rs validator per record kind, and one for a whole document file (key
    ``"document-file"``), resolving references through the shipped schemas."""
    import jsonschema_rs

    from communique.schema import schema_id, shipped

    files = shipped()
    registry = jsonschema_rs.Registry([(contents["$id"], contents) for contents in files.values()])
    names = {"mentions": "mention", "events": "event", "statements": "statement", "document-file": "document-file"}
    out = {}
    for kind, name in names.items():
        contents = files[f"{name}.json"]
        assert contents["$id"] == schema_id(name)
        out[kind] = jsonschema_rs.validator_for(contents, registry=registry)
    return out
