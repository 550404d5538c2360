"""croissant.json: Croissant 1.0 metadata for the release (readable by ``mlcroissant``).

One FileObject per Parquet file (with its SHA-256) and one RecordSet per config whose fields
come from the same field tree as the datasets features; struct columns become fields with
sub-fields, list columns are ``repeated``. Croissant readers handle one level of nesting, so
sub-fields are the scalar members of a struct column (or of the records of a list column);
deeper members (a span inside an argument) are in the Parquet file but not described here,
so readers that follow croissant.json see them left out. The ``documents`` record set leaves out the nested
``mentions``, ``events`` and ``statements`` columns (Croissant readers do not handle lists of
records nested in lists of records); they are the ``mentions``, ``events`` and ``statements``
record sets, each row naming its ``document``.
"""

from __future__ import annotations

from typing import Any

from .fields import Node
from .summary import Summary
from .views import CONFIGS

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {"string": "sc:Text", "int64": "sc:Integer", "bool": "sc:Boolean"}
OMITTED = {"documents": ("mentions", "events", "statements")}
"""Columns left out of a record set (see the module docstring)."""
LICENSES = {"cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/"}


def _field(record_set: str, file_id: str, node: Node, path: tuple[str, ...]) -> dict[str, Any] | None:
    """A Croissant field for a column (depth 1) or a sub-field (depth 2); None when too deep."""
    field_id = "/".join((record_set, *path))
    out: dict[str, Any] = {"@type": "cr:Field", "@id": field_id, "name": field_id}
    repeated = node.kind == "list"
    if repeated:
        node = node.element
    if len(path) > 1 and (repeated or node.kind != "scalar"):
        return None
    source: dict[str, Any] = {"fileObject": {"@id": file_id}, "extract": {"column": path[0]}}
    if len(path) > 1:
        source["transform"] = {"jsonPath": path[1]}
    out["source"] = source
    if node.kind == "scalar":
        out["dataType"] = DATA_TYPES[str(node.dtype)]
    else:
        subs = [_field(record_set, file_id, f.node, (*path, f.name)) for f in node.fields]
        out["dataType"] = "sc:Thing"
        out["subField"] = [s for s in subs if s is not None]
    if repeated:
        out["repeated"] = True
    return out


def record_set(name: str, tree: Node, file_id: str) -> dict[str, Any]:
    omitted = OMITTED.get(name, ())
    fields = [_field(name, file_id, f.node, (f.name,)) for f in tree.fields if f.name not in omitted]
    out: dict[str, Any] = {"@type": "cr:RecordSet", "@id": name, "name": name, "field": fields}
    if any(f.name == "id" for f in tree.fields):
        out["key"] = {"@id": f"{name}/id"}
    return out


def _file(name: str, path: str, sha256: str) -> dict[str, Any]:
    """One config's Parquet data: a FileObject with its checksum, or for shards (a ``path``
    pattern with no checksum) a FileSet that includes them."""
    if not sha256:
        return {"@type": "cr:FileSet", "@id": f"{name}-parquet", "name": f"{name}-parquet",
                "includes": path, "encodingFormat": "application/x-parquet"}
    return {"@type": "cr:FileObject", "@id": f"{name}-parquet", "name": f"{name}-parquet", "contentUrl": path,
            "encodingFormat": "application/x-parquet", "sha256": sha256}


def croissant(corpus: Summary, files: dict[str, tuple[str, str]], repo_id: str) -> dict[str, Any]:
    """The Croissant document; ``files`` maps config -> (relative parquet path, sha256), or
    (pattern of its shards, "") for a config cut into shards."""
    license_id = corpus.info.license.lower()
    distribution = [_file(c.name, *files[c.name]) for c in CONFIGS]
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": corpus.info.name,
        "description": corpus.info.description or corpus.info.name,
        "license": LICENSES.get(license_id, corpus.info.license),
        "url": f"https://huggingface.co/datasets/{repo_id}",
        "version": corpus.version,
        "citeAs": f"{corpus.info.name}, dataset version {corpus.version}, Hugging Face Hub dataset {repo_id}",
        "distribution": distribution,
        "recordSet": [record_set(c.name, c.tree(), f"{c.name}-parquet") for c in CONFIGS],
    }
