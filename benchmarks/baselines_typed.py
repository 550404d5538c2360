"""Baselines for the scale benchmark, built from the package's own models and schemas.

- :func:`msgspec_types`: msgspec Structs mirroring the pydantic models (same fields, types,
  literals, defaults, patterns and bounds; unknown fields forbidden), for a typed msgspec decode.
- :func:`jsonschema_validators`: ``jsonschema.Draft202012Validator`` for each record kind, with the
  shipped schemas in a registry (formats not asserted, as the validator does by default).
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from communique.models import Event, Mention, Statement

KINDS: dict[str, type[BaseModel]] = {"mentions": Mention, "events": Event, "statements": Statement}


def _meta(metadata: list[Any]) -> Any:
    import msgspec

    kw: dict[str, Any] = {}
    for item in metadata:
        for name in ("pattern", "min_length", "max_length", "ge", "le"):
            value = getattr(item, name, None)
            if value is not None:
                kw[name] = value
    return msgspec.Meta(**kw) if kw else None


def _convert(annotation: Any, cache: dict[type, Any]) -> Any:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        meta = _meta(extra)
        inner = _convert(base, cache)
        return Annotated[inner, meta] if meta is not None else inner
    if origin in (Union, types.UnionType):
        args = tuple(_convert(a, cache) for a in get_args(annotation))
        return Union[args]  # noqa: UP007  # built at run time from a tuple
    if origin is list:
        return list[_convert(get_args(annotation)[0], cache)]  # type: ignore[misc]
    if origin is Literal:
        return annotation
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return struct_for(annotation, cache)
    return annotation


def struct_for(model: type[BaseModel], cache: dict[type, Any] | None = None) -> Any:
    """A msgspec Struct type with the fields of ``model``."""
    import msgspec
    from pydantic_core import PydanticUndefined

    cache = {} if cache is None else cache
    if model in cache:
        return cache[model]
    fields: list[Any] = []
    for name, info in model.model_fields.items():
        annotation = _convert(info.rebuild_annotation(), cache)
        if info.is_required():
            fields.append((name, annotation))
        elif info.default_factory is not None:
            fields.append((name, annotation, msgspec.field(default_factory=info.default_factory)))  # type: ignore[arg-type]
        else:
            default = None if info.default is PydanticUndefined else info.default
            fields.append((name, annotation, default))
    struct = msgspec.defstruct(model.__name__, fields, kw_only=True, forbid_unknown_fields=True)
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
