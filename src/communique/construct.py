"""Records built from JSON that has already passed validation, without validating it again.

:func:`communique.load` uses this for the packaged corpus once its files match the checksums of
the MANIFEST.json shipped with them: those are the bytes the package's own tests validated, so
validating them again at every load proves nothing new. The records built here equal those
validation gives: the same values (a JSON number with a zero fraction becomes an ``int``, as the
models read it), the same defaults and the same set fields. Anything else goes through
validation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from .models.shape import Shape, fields

Convert = Callable[[Any], Any]
_M = TypeVar("_M", bound=BaseModel)

_PLANS: dict[type[BaseModel], list[tuple[str, Convert]]] = {}


def _integral(value: Any) -> Any:
    return int(value) if isinstance(value, float) else value


def _converter(shape: Shape) -> Convert | None:
    """How a JSON value becomes the field's Python value; None when it is used as it is (None
    itself is kept as it is)."""
    if shape.item is not None:
        item = _converter(shape.item)
        return None if item is None else (lambda values: [item(v) for v in values])
    if shape.model is not None:
        model = shape.model
        return lambda raw: construct(model, raw)
    return _integral if shape.base is int and not shape.choices else None


def _plan(cls: type[BaseModel]) -> list[tuple[str, Convert]]:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        try:
            own = fields(cls)
        except TypeError as exc:
            raise TypeError(f"no construction plan for {cls.__name__}: {exc}") from None
        for field in own:
            convert = _converter(field.shape)
            if convert is not None:
                plan.append((field.name, convert))
        _PLANS[cls] = plan
    return plan


def construct(cls: type[_M], raw: dict[str, Any]) -> _M:
    """The ``cls`` record of the already-validated JSON object ``raw`` (which it takes over)."""
    for name, convert in _plan(cls):
        value = raw.get(name)
        if value is not None:
            raw[name] = convert(value)
    return cls.model_construct(_fields_set=set(raw), **raw)
