"""JSON Schemas (draft 2020-12) generated from the models, one file per record type.

Each file has a versioned ``$id`` (``https://communique.dev/schema/v1/event.json``); a record
type used inside another is a ``$ref`` to its own file, never an inlined copy, and helper
records (an event's ``Argument``) live under ``$defs`` of the file of the record that owns them.
``communique schema --write`` regenerates schema/; a test fails when the committed files drift.

:func:`schema_registry` serves the *shipped* files (not freshly generated ones) so that what
users validate against is what the package ships.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from . import jsonio, writes
from .models import (
    SCHEMA_VERSION,
    Actor,
    ActorsFile,
    Argument,
    Attribution,
    CorpusInfo,
    Document,
    DocumentFile,
    Event,
    EventLink,
    Mention,
    Place,
    Printed,
    PublicationDate,
    Quantity,
    Role,
    Span,
    Speaker,
    Statement,
    TimeValue,
)

if TYPE_CHECKING:
    from referencing import Registry

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = f"https://communique.dev/schema/v{SCHEMA_VERSION.split('.')[0]}/"

FILES: dict[str, tuple[type[BaseModel], tuple[type[BaseModel], ...]]] = {
    "span": (Span, ()),
    "time": (TimeValue, (PublicationDate,)),
    "attribution": (Attribution, ()),
    "quantity": (Quantity, ()),
    "actor": (Actor, (Role,)),
    "mention": (Mention, ()),
    "event": (Event, (Argument, Place, EventLink)),
    "statement": (Statement, (Speaker,)),
    "document": (Document, (Printed,)),
    "corpus-info": (CorpusInfo, ()),
    "actors-file": (ActorsFile, ()),
    "document-file": (DocumentFile, ()),
}
"""Schema name -> (the record model, helper models defined in the same file)."""

_HOME: dict[str, tuple[str, bool]] = {}
for _name, (_main, _extras) in FILES.items():
    _HOME[_main.__name__] = (_name, True)
    for _extra in _extras:
        _HOME[_extra.__name__] = (_name, False)

_LOCAL = re.compile(r"^#/\$defs/(?P<model>[A-Za-z0-9_]+)$")


def names() -> list[str]:
    """The schema names, in dependency-friendly order."""
    return list(FILES)


def schema_id(name: str) -> str:
    return f"{BASE_URI}{name}.json"


def _model_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(ref_template="#/$defs/{model}", mode="validation")


def _title(field: str) -> str:
    return field.replace("_", " ").capitalize()


def _rewrite(node: Any, name: str, main: str) -> Any:
    """Point every reference at the file that defines the record; tidy every property."""
    if isinstance(node, list):
        return [_rewrite(item, name, main) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _rewrite(value, name, main) for key, value in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str) and (m := _LOCAL.match(ref)):
        model = m["model"]
        home, is_main = _HOME[model]
        if home == name:
            out["$ref"] = "#" if model == main else ref
        else:
            out["$ref"] = schema_id(home) + ("" if is_main else f"#/$defs/{model}")
    if isinstance(out.get("pattern"), str):
        # Python's re matches '$' before a final newline; the models do not accept one, so say it.
        out["not"] = {"pattern": "\n"}
    props = out.get("properties")
    if isinstance(props, dict) and node.get("type") == "object":
        for field, prop in props.items():
            prop.setdefault("title", _title(field))
            if not prop.get("description"):
                raise ValueError(f"schema {name}: property {field!r} has no description (add a docstring)")
    return out


def generate(name: str) -> dict[str, Any]:
    """The JSON Schema of one record type, as a dict."""
    main, extras = FILES[name]
    schema = _model_schema(main)
    defs: dict[str, Any] = schema.pop("$defs", {})
    for extra in extras:
        extra_schema = _model_schema(extra)
        defs.update(extra_schema.pop("$defs", {}))
        defs[extra.__name__] = extra_schema
    own = {k: v for k, v in defs.items() if _HOME[k] == (name, False)}
    body = _rewrite(schema, name, main.__name__)
    if own:
        body["$defs"] = {k: _rewrite(v, name, main.__name__) for k, v in sorted(own.items())}
    head = {"$schema": DRAFT, "$id": schema_id(name), "title": body.pop("title", main.__name__)}
    return {**head, **body}


def dumps(schema: dict[str, Any]) -> str:
    """Deterministic text of a schema: sorted keys, two-space indent, trailing newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def generate_all() -> dict[str, str]:
    """File name -> text of every schema file."""
    return {f"{name}.json": dumps(generate(name)) for name in FILES}


def write(folder: Path) -> list[Path]:
    """(Re)write every schema file in ``folder``, each atomically; return the paths written."""
    writes.make_folder(folder)
    written = []
    for file, text in generate_all().items():
        target = folder / file
        writes.write_file(target, text)
        written.append(target)
    return written


def shipped() -> dict[str, dict[str, Any]]:
    """The shipped schema files (read through importlib.resources), by file name."""
    from ._resources import packaged_schema_dir

    folder = packaged_schema_dir()
    out: dict[str, dict[str, Any]] = {}
    for name in FILES:
        node = folder / f"{name}.json"
        out[f"{name}.json"] = jsonio.loads(node.read_bytes())
    return out


def schema_registry() -> Registry:
    """A :class:`referencing.Registry` holding every shipped schema under its ``$id``."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [
        (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
        for schema in shipped().values()
    ]
    registry: Registry = Registry().with_resources(resources)
    return registry.crawl()
