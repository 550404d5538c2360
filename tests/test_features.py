"""One source, three views: the models, their JSON Schema and the datasets features agree."""

from __future__ import annotations

from typing import Any, Literal

import datasets
import pytest
from pydantic import BaseModel

from communique.models import Actor, Document, DocumentFile, Event, Mention, Statement
from communique.release import fields
from communique.release.features import features
from communique.release.fields import Node, model_tree, node_for
from communique.release.views import CONFIGS, config

MODELS: dict[str, type[BaseModel]] = {
    "actors": Actor,
    "mentions": Mention,
    "events": Event,
    "statements": Statement,
}
JSON_TYPES = {"string": "string", "int64": "integer", "bool": "boolean"}


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _split_null(schema: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    variants = schema.get("anyOf")
    if not variants:
        return schema, False
    rest = [v for v in variants if v.get("type") != "null"]
    assert len(rest) == 1, schema
    return rest[0], len(rest) != len(variants)


def compare_schema(node: Node, schema: dict[str, Any], defs: dict[str, Any], where: str) -> None:
    schema = _resolve(schema, defs)
    if node.kind == "scalar":
        if "enum" in schema or "const" in schema:
            values = schema.get("enum", [schema.get("const")])
            assert tuple(values) == node.choices, where
        else:
            assert schema.get("type") == JSON_TYPES[str(node.dtype)], (where, schema)
    elif node.kind == "list":
        assert schema.get("type") == "array", where
        compare_schema(node.element, schema["items"], defs, f"{where}[]")
    else:
        assert schema.get("type") == "object", where
        props = schema["properties"]
        assert set(props) == {f.name for f in node.fields}, where
        for f in node.fields:
            sub, nullable = _split_null(_resolve(props[f.name], defs))
            assert nullable == f.nullable, f"{where}.{f.name}: nullable {nullable} in the schema, not in the tree"
            compare_schema(f.node, sub, defs, f"{where}.{f.name}")


def compare_features(node: Node, feature: Any, where: str) -> None:
    if node.kind == "scalar":
        assert isinstance(feature, datasets.Value), where
        assert feature.dtype == node.dtype, where
    elif node.kind == "list":
        assert isinstance(feature, datasets.List), where
        compare_features(node.element, feature.feature, f"{where}[]")
    else:
        assert isinstance(feature, dict), where
        assert list(feature) == [f.name for f in node.fields], where
        for f in node.fields:
            compare_features(f.node, feature[f.name], f"{where}.{f.name}")


def model_names(model: type[BaseModel]) -> list[str]:
    return list(model.model_fields)


@pytest.mark.parametrize("name", list(MODELS))
def test_record_configs_have_exactly_the_model_fields(name: str) -> None:
    model = MODELS[name]
    feats = features(config(name).tree())
    assert list(feats) == model_names(model)
    compare_features(model_tree(model), dict(feats), name)
    compare_schema(model_tree(model), model.model_json_schema(), model.model_json_schema().get("$defs", {}), name)


def test_documents_config_is_document_plus_text_plus_annotations() -> None:
    feats = features(config("documents").tree())
    annotations = [n for n in model_names(DocumentFile) if n not in {"schema_version", "document"}]
    expected = [*model_names(Document), "text", *annotations]
    assert list(feats) == expected
    for name in ("mentions", "events", "statements"):
        compare_features(model_tree(MODELS[name]), feats[name].feature, f"documents.{name}")
    schema = DocumentFile.model_json_schema()
    defs = schema.get("$defs", {})
    doc_tree = config("documents").tree()
    for f in doc_tree.fields:
        if f.name == "text":
            continue
        owner = schema if f.name in DocumentFile.model_fields else _resolve(schema["properties"]["document"], defs)
        sub, nullable = _split_null(_resolve(owner["properties"][f.name], defs))
        assert nullable == f.nullable, f.name
        compare_schema(f.node, sub, defs, f"documents.{f.name}")


def test_every_nested_model_field_reaches_the_features() -> None:
    seen: set[type[BaseModel]] = set()
    for cfg in CONFIGS:
        for f in cfg.tree().fields:
            seen.update(fields.nested_models(f.node))
    names = {m.__name__ for m in seen}
    expected = {"Span", "Argument", "Place", "TimeValue", "Attribution", "Quantity", "EventLink", "Speaker", "Role"}
    assert expected <= names
    assert {"Printed", "PublicationDate"} <= names


def test_field_descriptions_come_from_the_models() -> None:
    tree = config("events").tree()
    by_name = {f.name: f for f in tree.fields}
    for name, info in Event.model_fields.items():
        assert by_name[name].description == (info.description or "").strip()
        assert by_name[name].description, f"Event.{name} has no description"


class _Probe(BaseModel):
    a: str
    b: int | None = None
    c: list[bool] = []
    d: Literal["x", "y"] = "x"


def test_type_mapping() -> None:
    tree = model_tree(_Probe)
    feats = features(tree)
    assert feats["a"] == datasets.Value("string")
    assert feats["b"] == datasets.Value("int64")
    assert feats["c"] == datasets.List(datasets.Value("bool"))
    assert feats["d"] == datasets.Value("string")
    assert [f.nullable for f in tree.fields] == [False, True, False, False]
    assert tree.fields[3].node.choices == ("x", "y")


@pytest.mark.parametrize("annotation", [float, dict[str, int], int | str, list[int | None], Literal[1, 2]])
def test_unmappable_annotations_are_refused(annotation: Any) -> None:
    with pytest.raises(TypeError):
        node_for(annotation)
