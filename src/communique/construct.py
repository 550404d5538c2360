"""Records built from JSON that has already passed validation, without validating it again.

:func:`communique.load` uses this for the packaged corpus once its files match the checksums of
the MANIFEST.json shipped with them: those are the bytes the package's own tests validated, so
validating them again at every load proves nothing new. The records built here equal those
validation gives: the same values (a JSON number with a zero fraction becomes an ``int``, as the
models read it), the same defaults and the same set fields. Anything else goes through
validation.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

Convert = Callable[[Any], Any]
_M = TypeVar("_M", bound=BaseModel)

_PLANS: dict[type[BaseModel], list[tuple[str, Convert]]] = {}


def _integral(value: Any) -> Any:
    return int(value) if isinstance(value, float) else value


def _converter(annotation: Any) -> Convert | None:
    """How a JSON value becomes the field's Python value; None when it is used as it is."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"no construction plan for the union {annotation!r}")
        return _converter(options[0])  # None itself is kept as it is
    if origin is list:
        item = _converter(typing.get_args(annotation)[0])
        return None if item is None else (lambda values: [item(v) for v in values])
    if origin is not None and origin is not typing.Literal:
        raise TypeError(f"no construction plan for {annotation!r}")
    if annotation is int:
        return _integral
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda raw: construct(model, raw)
    return None


def _plan(cls: type[BaseModel]) -> list[tuple[str, Convert]]:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, info in cls.model_fields.items():
            convert = _converter(info.annotation)
            if convert is not None:
                plan.append((name, convert))
        _PLANS[cls] = plan
    return plan


def construct(cls: type[_M], raw: dict[str, Any]) -> _M:
    """The ``cls`` record of the already-validated JSON object ``raw`` (which it takes over)."""
    for name, convert in _plan(cls):
        value = raw.get(name)
        if value is not None:
            raw[name] = convert(value)
    return cls.model_construct(_fields_set=set(raw), **raw)
