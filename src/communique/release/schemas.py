"""The JSON Schemas shipped in the release's schema/ folder.

The committed schemas (``schema/*.json``, generated from the models) are copied as they are.
Where none are committed yet, they are generated here from the same models, one per file kind,
each with the record format's major version in its ``$id``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .. import jsonio
from .._resources import packaged_schema_dir
from ..models import SCHEMA_VERSION, ActorsFile, CorpusInfo, DocumentFile

MAJOR = SCHEMA_VERSION.split(".", 1)[0]
GENERATED: dict[str, type[BaseModel]] = {
    "corpus.schema.json": CorpusInfo,
    "actors.schema.json": ActorsFile,
    "document.schema.json": DocumentFile,
}


def schema_id(name: str) -> str:
    """The ``$id`` of a generated schema: the major version is part of it."""
    return f"urn:communique:schema:v{MAJOR}:{name.removesuffix('.schema.json')}"


def generate(name: str, model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_id(name), **schema}


def release_schemas() -> dict[str, str]:
    """File name -> text of every schema the release ships."""
    folder = packaged_schema_dir()
    committed: dict[str, str] = {}
    if folder.is_dir():
        for node in sorted(folder.iterdir(), key=lambda n: n.name):
            if node.is_file() and node.name.endswith(".json"):
                committed[node.name] = node.read_text(encoding="utf-8")
    if committed:
        return committed
    return {name: jsonio.dumps(generate(name, model)) for name, model in GENERATED.items()}
