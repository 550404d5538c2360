"""What each structured-output engine does with a JSON Schema: the keywords it keeps and drops.

Each engine accepts its own subset of JSON Schema. :data:`ENGINES` records, per engine, the
keywords it enforces; :func:`lint` walks a schema and reports every keyword an engine would drop
(ignore or refuse), with its JSON path, and for OpenAI's strict mode the structural rules as
well. Annotations (``description``, ``title``, ``$comment``, ``examples``) are read by the model,
never enforced, and are not reported.

Sources, as documented by each project in 2026:

- ``openai`` (Structured Outputs, ``strict: true``): the root is an object, not ``anyOf``;
  every object has ``additionalProperties: false`` and lists every property in ``required``;
  supported are ``type``, ``properties``, ``required``, ``additionalProperties``, ``items``,
  ``enum``, ``const``, ``anyOf``, ``$ref``/``$defs``, string ``pattern`` and ``format``, number
  ``minimum``/``maximum``/``exclusiveMinimum``/``exclusiveMaximum``/``multipleOf`` and array
  ``minItems``/``maxItems``; at most 5,000 properties, 10 levels of nesting, 1,000 enum values
  and 120,000 characters of property names, enum values and const values.
- ``anthropic`` (structured outputs): ``additionalProperties`` must be false; no numeric limits,
  no string length limits, no ``maxItems`` and ``minItems`` only 0 or 1, no recursion.
- ``llguidance``, ``xgrammar``, ``outlines`` (grammar compilers used by vLLM, SGLang,
  llama.cpp and outlines): each enforces the structure, enums and patterns; the keywords each
  leaves out are listed in its entry. The llguidance and outlines-core entries are checked
  against the engines themselves in the tests (a keyword is kept when the engine refuses a value
  that breaks it); llguidance refuses ``uniqueItems`` and ``not``, outlines-core ignores numeric
  limits and ``uniqueItems``, and neither enforces ``minProperties`` or ``maxProperties`` on an
  object with declared properties.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

ANNOTATIONS = frozenset({"description", "title", "$comment", "examples", "$schema", "$id"})

_CORE = frozenset({"type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf"})
_REFS = frozenset({"$ref", "$defs"})
_NUMBERS = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})
_LENGTHS = frozenset({"minLength", "maxLength"})
_ARRAYS = frozenset({"minItems", "maxItems"})


@dataclass(frozen=True)
class Engine:
    """One structured-output engine: the keywords it enforces."""

    name: str
    keeps: frozenset[str]
    note: str


ENGINES: dict[str, Engine] = {
    "openai": Engine(
        "openai", _CORE | _REFS | _NUMBERS | _ARRAYS | {"pattern", "format"}, "OpenAI Structured Outputs, strict mode"
    ),
    "anthropic": Engine(
        "anthropic",
        _CORE | _REFS | {"pattern", "format", "allOf"},
        "Anthropic structured outputs (minItems 0 or 1 only)",
    ),
    "llguidance": Engine(
        "llguidance",
        _CORE | _REFS | _NUMBERS | _LENGTHS | _ARRAYS | {"pattern", "format", "oneOf", "allOf"},
        "llguidance JSON compiler",
    ),
    "xgrammar": Engine(
        "xgrammar",
        _CORE | _REFS | _NUMBERS | _LENGTHS | _ARRAYS | {"pattern", "format", "oneOf", "allOf"},
        "xgrammar JSON schema converter",
    ),
    "outlines": Engine(
        "outlines",
        _CORE | _REFS | _LENGTHS | _ARRAYS | {"pattern", "format", "oneOf", "allOf"},
        "outlines-core regex builder",
    ),
}
"""Engine name -> what it keeps. Keywords outside ``keeps`` (annotations aside) are dropped."""

OPENAI_LIMITS = {"properties": 5000, "depth": 10, "enum_values": 1000, "characters": 120_000}
"""OpenAI's documented size limits of a strict schema."""


@dataclass(frozen=True)
class Drop:
    """One keyword an engine would not enforce, or a strict-mode rule a schema breaks."""

    engine: str
    path: str
    keyword: str
    message: str

    def describe(self) -> str:
        return f"{self.engine}: {self.path}: {self.message}"


def _walk(node: Any, path: str, depth: int) -> Iterator[tuple[str, dict[str, Any], int]]:
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, f"{path}[{i}]", depth)
        return
    if not isinstance(node, dict):
        return
    yield path, node, depth
    for key, value in node.items():
        if key in ("properties", "$defs") and isinstance(value, dict):
            for name, sub in value.items():
                yield from _walk(sub, f"{path}.{key}.{name}", depth + (key == "properties"))
        elif key in ("enum", "const", "required", "examples"):
            continue
        elif isinstance(value, (dict, list)):
            yield from _walk(value, f"{path}.{key}", depth)


def _keyword_drops(engine: Engine, schema: dict[str, Any]) -> Iterator[Drop]:
    for path, node, _ in _walk(schema, "$", 0):
        for key, value in node.items():
            if key in ANNOTATIONS or key in engine.keeps:
                if engine.name == "anthropic" and key == "minItems" and value not in (0, 1):
                    yield Drop(engine.name, path, key, f"minItems {value} is not supported (only 0 or 1)")
                continue
            yield Drop(engine.name, path, key, f"keyword {key!r} is not enforced")
        closed = node.get("additionalProperties") is False
        if engine.name in ("openai", "anthropic") and node.get("type") == "object" and not closed:
            yield Drop(engine.name, path, "additionalProperties", "objects must set additionalProperties: false")


def _openai_rules(schema: dict[str, Any]) -> Iterator[Drop]:
    if schema.get("type") != "object" or "anyOf" in schema:
        yield Drop("openai", "$", "type", "the root must be an object, not anyOf")
    props = enums = chars = 0
    for path, node, depth in _walk(schema, "$", 0):
        if node.get("type") == "object" or "properties" in node:
            names = list(node.get("properties", {}))
            props += len(names)
            chars += sum(map(len, names))
            missing = [n for n in names if n not in node.get("required", [])]
            if missing:
                yield Drop("openai", path, "required", f"every property must be required; missing {missing}")
        if depth > OPENAI_LIMITS["depth"]:
            yield Drop("openai", path, "properties", f"nesting deeper than {OPENAI_LIMITS['depth']} levels")
        values = node.get("enum", [])
        enums += len(values)
        chars += sum(len(str(v)) for v in values) + len(str(node.get("const", "")))
    for key, count in (("properties", props), ("enum_values", enums), ("characters", chars)):
        if count > OPENAI_LIMITS[key]:
            yield Drop("openai", "$", key, f"{count} {key.replace('_', ' ')}, more than {OPENAI_LIMITS[key]}")


def lint(schema: dict[str, Any], engines: tuple[str, ...] = tuple(ENGINES)) -> list[Drop]:
    """Every keyword of ``schema`` each engine would drop, and every OpenAI strict-mode rule it breaks."""
    found: list[Drop] = []
    for name in engines:
        found.extend(_keyword_drops(ENGINES[name], schema))
        if name == "openai":
            found.extend(_openai_rules(schema))
    return found
