"""Prompts: generated from the guidelines' definitions, the ontology and the strict schema; versioned."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.llm import labels, prompts
from communique.llm.strict import strict_schema

GUIDELINES = Path(__file__).resolve().parents[1] / "docs" / "guidelines.md"
DOC = "000_bd8b5cfe7c34e604"


def test_label_definitions_match_the_guidelines() -> None:
    fresh = labels.from_guidelines(GUIDELINES.read_text(encoding="utf-8"))
    assert labels.shipped() == fresh, "templates/labels.json is stale: run python scripts/llm_labels.py"
    for name, literal in labels.LABEL_SETS.items():
        assert [row["label"] for row in fresh[name]] == list(typing.get_args(literal))
        assert all(row["definition"] for row in fresh[name])


def test_a_label_without_a_definition_row_is_refused() -> None:
    text = GUIDELINES.read_text(encoding="utf-8").replace("| `life.die` |", "| life.die |")
    with pytest.raises(ValueError, match="event type"):
        labels.from_guidelines(text)


@pytest.mark.parametrize("task", prompts.TASK_LABELS)
def test_the_prompt_holds_labels_schema_and_text(task: str) -> None:
    document = communique.load().document(DOC)
    text = prompts.prompt(document, task)
    for name in prompts.TASK_LABELS[task]:
        for row in labels.shipped()[name]:
            assert f"- {row['label']}: {row['definition']}" in text
    schema_line = next(line for line in text.splitlines() if line.startswith('{"'))
    assert json.loads(schema_line) == strict_schema(task)
    assert text.endswith(document.text) and prompts.template()["tasks"][task] in text
    assert document.published is not None and document.published.value in text


def test_unknown_versions_and_tasks_are_refused() -> None:
    with pytest.raises(KeyError, match=r"0\.0\.1"):
        prompts.template("0.0.1")
    with pytest.raises(KeyError, match="dates"):
        prompts.system_prompt("dates")


def test_the_shipped_template_is_the_version_in_use() -> None:
    assert prompts.template()["version"] == prompts.PROMPT_VERSION


def test_cli_prints_the_prompt(cli: Any) -> None:
    result = cli("prompt", DOC, "--task", "statements")
    assert result.code == 0
    assert result.out.rstrip("\n") == prompts.prompt(communique.load().document(DOC), "statements")
    assert cli("prompt", DOC, "--task", "time", "--system").out.rstrip("\n") == prompts.system_prompt("time")
    missing = cli("prompt", "999_nope")
    assert missing.code == 2 and DOC in missing.err
