"""The pydantic models and the committed JSON Schemas (schema/) accept and reject the same documents.

Documents are files of the base corpus and of generated corpora with one change near a value
(a neighbouring number, a string with a trailing newline or a space, a wrong type, a field removed
or added). Borderline values are drawn on purpose: an integral float such as 45.0 (an integer for
JSON Schema, so for the models too), a trailing newline against an '^...$' pattern (which
python-jsonschema's re.search would let through without the schemas' guard).
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import communique
from communique.models import ActorsFile, CorpusInfo, DocumentFile
from communique.schema import schema_id
from hostile import BASE_CORPUS
from strategies import GeneratedCorpus, corpora, json_values

MODELS: dict[str, type[BaseModel]] = {"corpus": CorpusInfo, "actors": ActorsFile, "document": DocumentFile}
SCHEMA_NAMES = {"corpus": "corpus-info", "actors": "actors-file", "document": "document-file"}


def _variants(value: Any) -> list[Any]:
    """Values near ``value``: the borderline cases where a schema and a model are most likely to differ."""
    if isinstance(value, bool):
        return [not value, 0, 1, None, "true"]
    if isinstance(value, int):
        out = [value + 1, value - 1, -1, 0, 10**15, 10**15 + 1, 10**9 + 1, str(value), True, None, value + 0.5]
        return [*out, float(value)]
    if isinstance(value, str):
        out = ["", " ", value + " ", " " + value, value.upper(), value + "x", value[:-1], "a" * 129, "..", "a/b",
               "2025-02-30", "2025-04-13T21:00", "2025-W16", "Q90", "Q0", "é", 5, None, [value]]  # fmt: skip
        return [*out, value + "\n", "\n" + value]
    if isinstance(value, list):
        return [[], [*value, *value[:1]], None, {}, [None], value[:-1]]
    if isinstance(value, dict):
        return [{}, [], None, "x"]
    return [0, "", [], {}]


def _files(corpus: GeneratedCorpus) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [("corpus", corpus.info), ("actors", corpus.actors)]
    out += [("document", doc) for doc in corpus.documents.values()]
    return out


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


@st.composite
def changed_files(draw: st.DrawFn) -> tuple[str, Any]:
    """One file of a generated corpus, with one random change near a value (or none)."""
    corpus = draw(corpora(max_documents=1, max_actors=3, max_events=2))
    kind, obj = draw(st.sampled_from(_files(corpus)))
    obj = json.loads(json.dumps(obj))
    paths = _paths(obj)[1:]
    leaves = [p for p in paths if not isinstance(_get(obj, p), (dict, list))]
    path = draw(st.sampled_from(leaves) | st.sampled_from(paths))
    parent: Any = obj
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = draw(st.sampled_from(["near", "near", "near", "any", "delete", "add", "keep"]))
    if action == "keep":
        pass
    elif action == "near":
        parent[last] = draw(st.sampled_from(_variants(parent[last])))
    elif action == "any":
        parent[last] = draw(json_values(max_leaves=5))
    elif isinstance(parent, dict) and action == "delete":
        del parent[last]
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "Id", "id ", "note", "span", "actor"]))] = parent[last]
    else:
        del parent[last]
    return kind, obj


def _get(obj: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        obj = obj[part]
    return obj


def _single_changes(obj: Any) -> list[Any]:
    """Every copy of ``obj`` with one field's value replaced by one of its variants (deterministic).

    Each field is changed once: in the first item of a list, not again in every later item.
    """
    out = []
    seen = set()
    for path in _paths(obj)[1:]:
        shape = tuple("[]" if isinstance(part, int) else part for part in path)
        if shape in seen:  # the same field in another list item: the same schema, the same verdicts
            continue
        seen.add(shape)
        for variant in _variants(_get(obj, path)):
            copy = json.loads(json.dumps(obj))
            _get(copy, path[:-1])[path[-1]] = variant
            out.append(copy)
    return out


def _sample_files() -> list[tuple[str, Any]]:
    """The base corpus of the hostile fixtures: every record kind and most optional fields."""
    data = BASE_CORPUS / "data"
    files = [("corpus", data / "corpus.json"), ("actors", data / "actors.json")]
    files += [("document", p) for p in sorted((data / "documents").glob("*.json"))]
    return [(kind, json.loads(path.read_bytes())) for kind, path in files]


def _disagreements(validators: dict[str, Any]) -> tuple[int, list[str]]:
    checked, bad = 0, []
    for kind, obj in _sample_files():
        for changed in _single_changes(obj):
            checked += 1
            if validators[kind].is_valid(changed) != _model_accepts(MODELS[kind], changed):
                bad.append(f"{kind}: {json.dumps(changed)[:300]}")
    return checked, bad


def _model_accepts(model: type[BaseModel], obj: Any) -> bool:
    try:
        model.model_validate(obj, strict=True)
    except ValidationError:
        return False
    return True


def _committed() -> dict[str, jsonschema.protocols.Validator]:
    """Validators for the committed file schemas, resolving cross-file refs through schema_registry()."""
    registry = communique.schema_registry()
    out = {}
    for kind, name in SCHEMA_NAMES.items():
        schema = registry.contents(schema_id(name))
        assert isinstance(schema, dict)
        jsonschema.Draft202012Validator.check_schema(schema)
        out[kind] = jsonschema.Draft202012Validator(schema, registry=registry)
    return out


COMMITTED = _committed()


@given(changed_files())
def test_models_and_committed_schemas_agree(case: tuple[str, Any]) -> None:
    kind, obj = case
    assert COMMITTED[kind].is_valid(obj) == _model_accepts(MODELS[kind], obj), json.dumps(obj)[:400]


def test_every_single_value_change_agrees_with_committed_schemas() -> None:
    checked, bad = _disagreements(COMMITTED)
    assert checked > 2000
    assert bad == [], f"{len(bad)} of {checked} differ, e.g. {bad[:3]}"


def test_borderline_values_are_drawn() -> None:
    """The exhaustive changes include the values that split naive schema generation from the models."""
    changed = [json.dumps(c) for _, obj in _sample_files() for c in _single_changes(obj)]
    assert any('"value": 45.0' in c for c in changed)
    assert any('"id": "doc001\\n"' in c for c in changed)
