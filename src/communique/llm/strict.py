"""The strict schema profile: the answer schemas in the subset every structured-output engine accepts.

:func:`strict_schema` turns the JSON Schema pydantic generates for an answer model
(:mod:`.format`) into one self-contained document:

- every ``$ref`` inlined (the answers are not recursive), no ``$defs``;
- every object closed (``additionalProperties: false``) with every property ``required``:
  a property the model may leave out becomes nullable (``anyOf`` with ``{"type": "null"}``),
  except lists, which are required and may be empty;
- only the keywords of :data:`KEYWORDS`: no ``default``, no ``title``, no numeric or length
  limits (each engine's limits are in :mod:`.engines`).

``communique schema --strict TASK`` prints it; :func:`communique.llm.engines.lint` says, per
engine, which keywords of any schema that engine would drop.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from .format import TASKS, answer_model

KEYWORDS = frozenset(
    {"type", "properties", "required", "additionalProperties", "items", "enum", "anyOf", "pattern", "description"}
)
"""The keywords the strict profile keeps (the intersection of what the engines in :mod:`.engines` accept)."""

PROFILE_VERSION = "1.0.0"
"""Version of the strict profile (bumped when the shape of an answer changes)."""


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = copy.deepcopy(defs[ref.rsplit("/", 1)[-1]])
        merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return _inline(merged, defs)
    return {key: _inline(value, defs) for key, value in node.items()}


def _nullable(prop: dict[str, Any]) -> dict[str, Any]:
    branches = prop.get("anyOf", [prop])
    if any(b.get("type") == "null" for b in branches) or prop.get("type") == "array":
        return prop
    description = prop.pop("description", None)
    out: dict[str, Any] = {"anyOf": [prop, {"type": "null"}]}
    if description:
        out["description"] = description
    return out


def _tighten(node: Any) -> Any:
    if isinstance(node, list):
        return [_tighten(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _tighten(value) for key, value in node.items() if key in KEYWORDS or key == "properties"}
    if "properties" in node:
        props = {name: _tighten(prop) for name, prop in node["properties"].items()}
        required = set(node.get("required", []))
        out["properties"] = {name: prop if name in required else _nullable(prop) for name, prop in props.items()}
        out["required"] = list(props)
        out["additionalProperties"] = False
        out["type"] = "object"
    return out


def strict_schema(task: str) -> dict[str, Any]:
    """The strict-profile JSON Schema of the answer to ``task`` (one of :data:`TASKS`)."""
    raw = answer_model(task).model_json_schema(mode="validation")
    defs = raw.pop("$defs", {})
    body: dict[str, Any] = _tighten(_inline(raw, defs))
    body.pop("title", None)
    return body


def dumps(schema: dict[str, Any]) -> str:
    """The text of a schema, two-space indented, properties in the answer's order (outlines emits them so)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


__all__ = ["KEYWORDS", "PROFILE_VERSION", "TASKS", "dumps", "strict_schema"]
