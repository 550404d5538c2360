"""`communique resolve` on hostile data: a clear error (exit 1 or 2), never an internal error."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from communique.quotes import resolve_quotes
from hostile import Cli


@pytest.mark.parametrize(
    "span,words",
    [
        ({"quote": "Lyon", "prefix": 5}, "prefix must be a string"),
        ({"quote": "Lyon", "suffix": None}, "suffix must be a string"),
        ({"quote": 7}, "quote must be a string"),
        ({"quote": "Lyon", "occurrence": "2"}, "occurrence must be a whole number"),
        ({"quote": "Lyon", "occurrence": True}, "occurrence must be a whole number"),
        ({"quote": "Lyon", "occurrence": 2.0}, "occurrence must be a whole number"),
    ],
)
def test_quote_spans_of_the_wrong_type_are_errors(span: dict[str, object], words: str) -> None:
    node, errors = resolve_quotes({"span": span}, "Lyon and Lyon")
    assert node == {"span": span}
    assert len(errors) == 1 and errors[0].startswith("$.span: ") and words in errors[0]


def _write_doc(root: Path, change: Callable[[dict[str, object]], None]) -> None:
    path = root / "data" / "documents" / "doc001.json"
    doc = json.loads(path.read_bytes())
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_resolve_with_a_bad_quote_type_is_exit_1(base_corpus: Path, cli: Cli) -> None:
    _write_doc(base_corpus, lambda d: d["mentions"][0].update(span={"quote": "Lyon", "prefix": 5}))  # type: ignore[attr-defined]
    result = cli("resolve", "--dir", base_corpus)
    code, _, err = result.code, result.out, result.err
    assert code == 1
    assert "prefix must be a string" in err and "internal error" not in err


def test_resolve_with_a_broken_document_is_exit_2(base_corpus: Path, cli: Cli) -> None:
    (base_corpus / "data" / "documents" / "doc002.json").write_bytes(b'{"a": 1, "a": 2}')
    result = cli("resolve", "--dir", base_corpus)
    code, _, err = result.code, result.out, result.err
    assert code == 2
    assert "doc002.json" in err and "duplicate key" in err and "internal error" not in err


def test_resolve_refuses_a_seed_name_that_leaves_the_corpus(base_corpus: Path, cli: Cli) -> None:
    _write_doc(base_corpus, lambda d: d["document"].update(seed="../../etc/passwd"))  # type: ignore[attr-defined]
    result = cli("resolve", "--dir", base_corpus, base_corpus / "data" / "documents" / "doc001.json")
    code, _, err = result.code, result.out, result.err
    assert code == 2
    assert "cannot be used as a file name" in err
