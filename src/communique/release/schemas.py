"""The JSON Schemas shipped in the release's schema/ folder.

They are the package's shipped schema files (``schema/*.json``, generated from the models by
``communique schema --write`` and checked against them by the tests), copied byte for byte, so
the release validates against exactly what the package ships. Each ``$id`` carries the record
format's major version (``https://communique.dev/schema/v1/event.json``).
"""

from __future__ import annotations

from .. import schema
from .._resources import packaged_schema_dir


def release_schemas() -> dict[str, str]:
    """File name -> text of every schema the release ships."""
    folder = packaged_schema_dir()
    out: dict[str, str] = {}
    for name in schema.names():
        node = folder / f"{name}.json"
        fresh = not node.is_file()  # a source tree whose schema/ was not generated yet
        out[f"{name}.json"] = schema.dumps(schema.generate(name)) if fresh else node.read_text(encoding="utf-8")
    return out
