"""Shared building blocks for every record model.

Every model is *strict*: what the pydantic model accepts is exactly what the generated
JSON Schema accepts (no coercion of ``"12"`` to ``12`` or ``true`` to ``1``), and unknown
fields are rejected. Checks that relate one field to another, or a record to the document
text, are not part of the models: they are the semantic layer of :mod:`communique.validation`,
where each has a stable finding code.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

from ._docstrings import attribute_docstrings

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$"
"""Ids are 1-128 ASCII letters, digits, ``_`` and ``-``, starting with a letter or digit.

This keeps every id safe to use as a file name (no path separators, no ``..``, no control
characters) and stable in URLs. Ids are case-sensitive, but two ids in one corpus that differ
only in case are reported by the validator.
"""

# No Field(description=...) here: it would replace each field's own docstring in the schemas.
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

QID_PATTERN = r"^Q[1-9][0-9]{0,11}$"

Qid = Annotated[str, StringConstraints(pattern=QID_PATTERN)]
"""A Wikidata item identifier such as 'Q90'."""

NonEmptyStr = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]

def _integral(value: Any) -> Any:
    """Read a JSON number with a zero fraction (``12.0``, ``1.2e1``) as the integer it is.

    JSON Schema counts ``12.0`` as an integer, so the schemas accept it; the models do the same
    so that both accept exactly the same documents. ``true`` and ``"12"`` stay invalid.
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


INTEGRAL = BeforeValidator(_integral)
"""Put last in ``Annotated[int, ...]``: an integer as JSON Schema defines it (no fractional part)."""

MAX_OFFSET = 1_000_000_000
"""Largest code-point offset a span may carry (documents are far shorter)."""


class Record(BaseModel):
    """Base class of every model: strict, closed, immutable."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        populate_by_name=False,
        ser_json_inf_nan="strings",
        defer_build=True,
    )
    # Field descriptions come from attribute docstrings, as with pydantic's use_attribute_docstrings,
    # read by __pydantic_init_subclass__ below: the source of each module is parsed once.

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        docs = attribute_docstrings(cls)
        for name, info in cls.__pydantic_fields__.items():
            if info.description is None and name in docs:
                info.description = docs[name]
