"""The strict answer schemas: OpenAI's strict-mode rules, the per-engine linter, two real grammar engines."""

from __future__ import annotations

import copy
import json
import typing
from pathlib import Path
from typing import Any

import llguidance
import pytest
from outlines_core import Guide, Index, Vocabulary
from outlines_core.json_schema import build_regex_from_schema

import communique
from communique.llm import engines
from communique.llm.convert import answers_from_corpus
from communique.llm.format import TASKS, answer_model
from communique.llm.strict import KEYWORDS, strict_schema
from communique.models.event import EventType

DOC = "000_bd8b5cfe7c34e604"


class _ByteTokenizer:
    """A tokenizer of 256 byte tokens and an end token, built here: no model, no download."""

    eos_token_id = 256
    bos_token_id = None
    tokens = (*(bytes([i]) for i in range(256)), b"<eos>")
    special_token_ids = (256,)

    def __call__(self, text: bytes | str) -> list[int]:
        return list(text if isinstance(text, bytes) else text.encode("utf-8"))


LL_TOKENIZER = llguidance.LLTokenizer(llguidance.TokenizerWrapper(_ByteTokenizer()), slices=[])
OUTLINES_VOCAB = Vocabulary(256, {bytes([i]): [i] for i in range(256)})


def llguidance_accepts(schema: dict[str, Any], text: str) -> bool:
    grammar = llguidance.LLMatcher.grammar_from_json_schema(schema)
    refused, messages = llguidance.LLMatcher.validate_grammar_with_warnings(grammar, LL_TOKENIZER)
    if refused:
        raise ValueError(messages)
    matcher = llguidance.LLMatcher(LL_TOKENIZER, grammar, log_level=0)
    return bool(matcher.consume_tokens(list(text.encode("utf-8")))) and matcher.is_accepting()


def outlines_accepts(schema: dict[str, Any], text: str) -> bool:
    guide = Guide(Index(build_regex_from_schema(json.dumps(schema)), OUTLINES_VOCAB))
    return bool(guide.accepts_tokens(list(text.encode("utf-8"))))


ENGINES = {"llguidance": llguidance_accepts, "outlines": outlines_accepts}


@pytest.fixture(scope="module")
def gold() -> communique.Corpus:
    return communique.load()


def _walk(node: dict[str, Any]) -> typing.Iterator[dict[str, Any]]:
    """Every subschema (not the ``properties`` maps themselves)."""
    yield node
    for sub in node.get("properties", {}).values():
        yield from _walk(sub)
    for sub in node.get("anyOf", []):
        yield from _walk(sub)
    if "items" in node:
        yield from _walk(node["items"])


@pytest.mark.parametrize("task", TASKS)
def test_strict_schema_follows_openai_strict_mode(task: str) -> None:
    schema = strict_schema(task)
    assert schema["type"] == "object" and "anyOf" not in schema
    assert "$ref" not in json.dumps(schema) and "$defs" not in schema
    for node in _walk(schema):
        if "properties" in node:
            assert node["additionalProperties"] is False
            assert node["required"] == list(node["properties"])
        assert set(node) <= KEYWORDS, set(node) - KEYWORDS
    assert engines.lint(schema) == []


def test_strict_schema_labels_come_from_the_models() -> None:
    schema = strict_schema("events")
    event = schema["properties"]["events"]["items"]
    assert event["properties"]["type"]["enum"] == list(typing.get_args(EventType))
    # an optional field is required and nullable; a list is required and may be empty
    occurrence = event["properties"]["triggers"]["items"]["properties"]["occurrence"]
    assert {"type": "null"} in occurrence["anyOf"]
    assert schema["properties"]["events"]["type"] == "array"


@pytest.mark.parametrize(
    ("schema", "engine", "keyword"),
    [
        (
            {
                "type": "object",
                "properties": {"n": {"type": "integer", "minimum": 1}},
                "required": ["n"],
                "additionalProperties": False,
            },
            "anthropic",
            "minimum",
        ),
        (
            {
                "type": "object",
                "properties": {"s": {"type": "string", "maxLength": 3}},
                "required": ["s"],
                "additionalProperties": False,
            },
            "openai",
            "maxLength",
        ),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "array", "minItems": 2}},
                "required": ["a"],
                "additionalProperties": False,
            },
            "anthropic",
            "minItems",
        ),
        (
            {
                "type": "object",
                "properties": {"s": {"type": "string", "default": "x"}},
                "required": ["s"],
                "additionalProperties": False,
            },
            "openai",
            "default",
        ),
        (
            {
                "type": "object",
                "properties": {"n": {"type": "integer", "minimum": 0}},
                "required": ["n"],
                "additionalProperties": False,
            },
            "outlines",
            "minimum",
        ),
        (
            {"type": "object", "properties": {"s": {"type": "string"}}, "required": ["s"]},
            "openai",
            "additionalProperties",
        ),
        (
            {"type": "object", "properties": {"s": {"type": "string"}}, "required": [], "additionalProperties": False},
            "openai",
            "required",
        ),
        ({"anyOf": [{"type": "object"}, {"type": "null"}]}, "openai", "type"),
    ],
)
def test_linter_reports_what_an_engine_drops(schema: dict[str, Any], engine: str, keyword: str) -> None:
    found = [d for d in engines.lint(schema, (engine,)) if d.keyword == keyword]
    assert found, engines.lint(schema, (engine,))
    assert found[0].engine == engine and found[0].path.startswith("$")
    # an engine that enforces the keyword does not report it
    if keyword in ("minimum", "maxLength"):
        assert not [d for d in engines.lint(schema, ("llguidance",)) if d.keyword == keyword]


def test_linter_counts_openai_limits() -> None:
    props = {f"p{i}": {"type": "string"} for i in range(5001)}
    schema = {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    assert [d.keyword for d in engines.lint(schema, ("openai",))] == ["properties"]
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(12):
        deep = {"type": "object", "properties": {"x": deep}, "required": ["x"], "additionalProperties": False}
    assert any("nesting" in d.message for d in engines.lint(deep, ("openai",)))


def test_the_generated_model_schema_is_not_strict() -> None:
    """The raw pydantic schema breaks the profile, which is why the strict profile exists."""
    raw = answer_model("mentions").model_json_schema()
    keywords = {d.keyword for d in engines.lint(raw, ("openai",))}
    assert {"default", "required"} <= keywords


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("task", TASKS)
def test_engines_compile_and_accept_the_gold_answer(engine: str, task: str, gold: communique.Corpus) -> None:
    schema = strict_schema(task)
    answer = answers_from_corpus(gold, task)[DOC]
    accepts = ENGINES[engine]
    assert accepts(schema, json.dumps(answer, ensure_ascii=False))


def _perturbations(task: str, answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    key = {"mentions": "mentions", "statements": "statements"}.get(task, "events")
    wrong_label, extra, missing = (copy.deepcopy(answer) for _ in range(3))
    first = wrong_label[key][0]
    if key == "mentions":
        first["actor"]["type"] = "nation"
    elif key == "statements":
        (first["speaker"] or {"type": ""})["type"] = "nation"
        first["speaker"] = first["speaker"] or {"name": "x", "type": "nation", "wikidata": None}
    else:
        first["type"] = "conflict.battle"
    extra[key][0]["confidence"] = 0.5
    del missing[key][0][next(iter(missing[key][0]))]
    return {"wrong label": wrong_label, "extra property": extra, "missing property": missing}


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("task", ["mentions", "events", "time", "statements"])
def test_engines_refuse_answers_outside_the_schema(engine: str, task: str, gold: communique.Corpus) -> None:
    schema = strict_schema(task)
    answer = answers_from_corpus(gold, task)[DOC]
    for what, bad in _perturbations(task, answer).items():
        assert not ENGINES[engine](schema, json.dumps(bad, ensure_ascii=False)), what


def test_cli_prints_the_strict_schema(cli: Any) -> None:
    result = cli("schema", "--strict", "time")
    assert result.code == 0
    assert json.loads(result.out) == strict_schema("time")
    bad = cli("schema", "--strict", "dates")
    assert bad.code == 2 and "mentions, events, time, statements, all" in bad.err


_AB = {"a": {"type": "integer"}, "b": {"type": "integer"}}
PROBES: dict[str, tuple[dict[str, Any], str]] = {
    "minimum": ({"type": "integer", "minimum": 3}, "1"),
    "maximum": ({"type": "integer", "maximum": 3}, "7"),
    "exclusiveMinimum": ({"type": "integer", "exclusiveMinimum": 3}, "3"),
    "multipleOf": ({"type": "integer", "multipleOf": 2}, "3"),
    "minLength": ({"type": "string", "minLength": 3}, '"a"'),
    "maxLength": ({"type": "string", "maxLength": 1}, '"abc"'),
    "minItems": ({"type": "array", "items": {"type": "integer"}, "minItems": 2}, "[1]"),
    "maxItems": ({"type": "array", "items": {"type": "integer"}, "maxItems": 1}, "[1, 2]"),
    "uniqueItems": ({"type": "array", "items": {"type": "integer"}, "uniqueItems": True}, "[1, 1]"),
    "pattern": ({"type": "string", "pattern": "^a+$"}, '"b"'),
    "minProperties": ({"type": "object", "properties": _AB, "minProperties": 1}, "{}"),
    "maxProperties": ({"type": "object", "properties": _AB, "maxProperties": 1}, '{"a": 1, "b": 2}'),
    "enum": ({"enum": ["a"]}, '"b"'),
}
"""Keyword -> a schema using it and a value that breaks it (accepted only by an engine that drops it)."""


def _enforced(engine: str, schema: dict[str, Any], bad: str) -> bool:
    try:
        return not ENGINES[engine](schema, bad)
    except (ValueError, RuntimeError):  # the engine refuses the keyword: it is not kept either
        return False


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("keyword", sorted(PROBES))
def test_the_linter_tables_agree_with_the_real_engines(engine: str, keyword: str) -> None:
    schema, bad = PROBES[keyword]
    assert (keyword in engines.ENGINES[engine].keeps) == _enforced(engine, schema, bad)


def test_cli_lints_a_schema_file(cli: Any, tmp_path: Path) -> None:
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps(strict_schema("all")), encoding="utf-8")
    assert cli("schema", "--lint", strict).code == 0
    corpus_schema = cli("schema", "--lint", Path(__file__).resolve().parents[1] / "schema" / "span.json")
    assert corpus_schema.code == 1
    assert "anthropic: $.properties.start: keyword 'minimum' is not enforced" in corpus_schema.out
    (tmp_path / "bad.json").write_text("[1]", encoding="utf-8")
    bad = cli("schema", "--lint", tmp_path / "bad.json")
    assert bad.code == 2 and "expected a JSON Schema object" in bad.err
