"""The committed JSON Schemas: generated from the models, and agreeing with them on every fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

import communique
from communique import jsonio, schema
from communique.models import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
RECORDS = Path(__file__).parent / "fixtures" / "records"
FIXTURES = sorted(RECORDS.glob("valid-*.json")) + sorted(RECORDS.glob("invalid-*.json"))


def _fixture(path: Path) -> tuple[str, Any]:
    data = jsonio.loads(path.read_bytes())
    return data["schema"], data["instance"]


def test_committed_schemas_equal_the_generated_ones() -> None:
    generated = schema.generate_all()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schema").glob("*.json")}
    assert committed == generated, "schema/ is stale: run `communique schema --write`"


def test_every_schema_is_valid_draft_2020_12_with_a_versioned_id() -> None:
    major = SCHEMA_VERSION.split(".")[0]
    for name, text in schema.generate_all().items():
        doc = jsonio.loads(text.encode())
        Draft202012Validator.check_schema(doc)
        assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert doc["$id"] == f"https://communique.dev/schema/v{major}/{name}"
        assert doc["title"] and doc["description"]


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_every_property_has_a_title_and_a_description() -> None:
    count = 0
    for name in schema.names():
        for obj in _objects(schema.generate(name)):
            for field, prop in obj["properties"].items():
                count += 1
                assert prop.get("title"), f"{name}: {field} has no title"
                assert prop.get("description"), f"{name}: {field} has no description"
    assert count > 50


def test_records_refer_to_each_other_across_files() -> None:
    event = schema.generate("event")
    text = schema.dumps(event)
    assert '"$ref": "https://communique.dev/schema/v1/span.json"' in text
    assert '"$ref": "https://communique.dev/schema/v1/time.json"' in text
    assert "Span" not in event.get("$defs", {})
    assert set(event["$defs"]) == {"Argument", "Place", "EventLink"}


def test_generation_is_deterministic() -> None:
    assert schema.generate_all() == schema.generate_all()
    for text in schema.generate_all().values():
        assert text.endswith("}\n")


def test_registry_holds_every_schema_by_its_id() -> None:
    registry = communique.schema_registry()
    for name in schema.names():
        resolved = registry.resolver().lookup(schema.schema_id(name))
        assert resolved.contents["$id"] == schema.schema_id(name)
    resolved = registry.resolver().lookup("https://communique.dev/schema/v1/event.json#/$defs/Argument")
    assert resolved.contents["title"] == "Argument"


def test_fixtures_cover_the_cases_that_matter() -> None:
    names = {p.stem for p in FIXTURES}
    for needed in ("string-for-integer", "true-for-integer", "unknown-field", "bad-enum", "bad-id-pattern",
                   "missing-actor", "null-factuality", "integral-float"):
        assert any(needed in n for n in names), needed
    assert {_fixture(p)[0] for p in FIXTURES} == set(schema.names())


def _pydantic_accepts(name: str, instance: Any) -> bool:
    model = schema.FILES[name][0]
    try:
        model.model_validate(instance, strict=True)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_models_and_schemas_agree_on_the_fixture(path: Path) -> None:
    name, instance = _fixture(path)
    registry = communique.schema_registry()
    validator = Draft202012Validator(schema.shipped()[f"{name}.json"], registry=registry)
    expected = path.name.startswith("valid-")
    assert _pydantic_accepts(name, instance) is expected
    assert validator.is_valid(instance) is expected, list(validator.iter_errors(instance))


def test_every_packaged_file_validates_against_its_schema() -> None:
    registry = communique.schema_registry()
    shipped = schema.shipped()
    pairs = [("corpus-info", "data/corpus.json"), ("actors-file", "data/actors.json")]
    pairs += [("document-file", f"data/documents/{p.name}") for p in (ROOT / "data" / "documents").glob("*.json")]
    for name, rel in pairs:
        validator = Draft202012Validator(shipped[f"{name}.json"], registry=registry)
        instance = jsonio.loads((ROOT / rel).read_bytes())
        assert not list(validator.iter_errors(instance)), rel
        assert _pydantic_accepts(name, instance), rel


def test_lone_surrogates_never_reach_the_models_or_the_schemas() -> None:
    # pydantic refuses '\ud800' but JSON Schema accepts it: the strict reader refuses it first.
    span = {"start": 0, "end": 1, "text": "\ud800"}
    assert not _pydantic_accepts("span", span)
    with pytest.raises(jsonio.JsonReadError, match="lone UTF-16 surrogate"):
        jsonio.loads(b'{"start": 0, "end": 1, "text": "\\ud800"}')
    assert jsonio.loads(b'{"text": "\\ud83d\\ude00"}') == {"text": "\U0001f600"}
