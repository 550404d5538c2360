"""Property-based tests: hostile bytes and JSON never crash the reader; generated corpora validate;
each single mutation of a valid corpus is caught with the right code.

The example budget comes from the hypothesis profile in conftest.py (ci: 50 examples, derandomized).
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import communique
from communique import jsonio
from communique.codes import CODES
from hostile import BASE_CORPUS, Cli
from mutations import SEMANTIC_MUTATIONS, STRUCTURAL_MUTATIONS
from strategies import GeneratedCorpus, build_corpus, corpora, json_values

TARGETS = ["data/corpus.json", "data/actors.json", "data/documents/doc001.json", "seeds/doc002.txt"]


@contextmanager
def _corpus_dir(tree: dict[str, bytes] | None = None) -> Iterator[Path]:
    """A temporary corpus: the base corpus, or the given files."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        if tree is None:
            shutil.copytree(BASE_CORPUS, root)
        else:
            for rel, data in tree.items():
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_bytes(data)
        yield root


def _check_report_and_load(root: Path) -> communique.Report:
    """validate and load agree: valid means load returns a corpus, invalid means CorpusInvalidError."""
    report = communique.validate(root)
    for finding in report.findings:
        assert finding.code in CODES
        assert finding.file and finding.message
        json.dumps(finding.to_dict(), ensure_ascii=False).encode("utf-8")  # printable as UTF-8
    if report.ok:
        corpus = communique.load(root)
        assert len(corpus.documents) >= 1
    else:
        with pytest.raises(communique.CorpusInvalidError) as info:
            communique.load(root)
        assert {f.code for f in info.value.report.errors} == {f.code for f in report.errors}
    return report


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_parse_or_raise_json_read_error(data: bytes) -> None:
    try:
        jsonio.loads(data)
    except jsonio.JsonReadError as exc:
        assert exc.message


@given(json_values())
def test_arbitrary_json_round_trips(value: Any) -> None:
    assert jsonio.loads(jsonio.dumps(value).encode("utf-8")) == value


@given(st.sampled_from(TARGETS), st.binary(max_size=500))
def test_arbitrary_bytes_in_a_corpus_file_give_a_report(target: str, data: bytes) -> None:
    with _corpus_dir() as root:
        (root / target).write_bytes(data)
        report = _check_report_and_load(root)
        if target != TARGETS[-1]:
            assert not report.ok  # no random bytes make a valid corpus file


@given(st.sampled_from(TARGETS[:3]), json_values())
def test_arbitrary_json_in_a_corpus_file_gives_a_report(target: str, value: Any) -> None:
    with _corpus_dir() as root:
        (root / target).write_text(json.dumps(value), encoding="utf-8")
        report = _check_report_and_load(root)
        assert not report.ok
        assert {f.code for f in report.errors if f.file == target} <= {"E103", "E104", "E105"}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*prefix, i))


def _replace(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    node[path[0]] = _replace(node[path[0]], path[1:], value)
    return node


@given(st.data(), json_values(max_leaves=10))
def test_arbitrary_json_anywhere_in_a_document_gives_a_report(data: st.DataObject, value: Any) -> None:
    doc = json.loads((BASE_CORPUS / TARGETS[2]).read_bytes())
    path = data.draw(st.sampled_from(list(_paths(doc))), label="path")
    doc = _replace(doc, path, value)
    with _corpus_dir() as root:
        (root / TARGETS[2]).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        _check_report_and_load(root)


@settings(suppress_health_check=[*settings().suppress_health_check, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(TARGETS), st.data())
def test_arbitrary_bytes_through_the_cli_never_give_a_traceback(cli: Cli, target: str, data: st.DataObject) -> None:
    payload = data.draw(st.binary(max_size=300) | json_values().map(lambda v: json.dumps(v).encode()))
    with _corpus_dir() as root:
        (root / target).write_bytes(payload)
        result = cli("validate", root, "--json")
        code, out, err = result.code, result.out, result.err
    assert code in (0, 1), err
    assert err.startswith("corpus: ") and len(err.splitlines()) == 1  # only the corpus used, named
    assert json.loads(out)["valid"] is (code == 0)


@given(corpora())
def test_generated_corpora_validate(corpus: GeneratedCorpus) -> None:
    with _corpus_dir(corpus.tree()) as root:
        report = _check_report_and_load(root)
    assert report.findings == []


@given(corpora())
def test_generator_spans_match_their_text(corpus: GeneratedCorpus) -> None:
    """The generator's own contract: every span is trimmed and equals the seed text at its offsets."""
    for doc in corpus.documents.values():
        text = corpus.seeds[doc["document"]["seed"]].decode("utf-8")
        for path in _paths(doc):
            node: Any = doc
            for part in path:
                node = node[part]
            if isinstance(node, dict) and set(node) == {"start", "end", "text"}:
                assert text[node["start"] : node["end"]] == node["text"] == node["text"].strip() != ""
    mentioned = {m["actor"] for d in corpus.documents.values() for m in d["mentions"]}
    assert mentioned == {a["id"] for a in corpus.actors["actors"]}


def test_build_corpus_scales_and_is_deterministic() -> None:
    a = build_corpus(random.Random(7), documents=20, actors=40, events_per_document=5)
    b = build_corpus(random.Random(7), documents=20, actors=40, events_per_document=5)
    assert a.tree() == b.tree()
    assert a.counts()["documents"] == 20 and a.counts()["actors"] == 40 and a.counts()["events"] == 100


def _mutated(corpus: GeneratedCorpus, name: str, seed: int, table: dict[str, Any]) -> tuple[GeneratedCorpus, set[str]]:
    mutant = corpus.copy()
    expected = table[name](mutant, random.Random(seed))
    assume(expected is not None)
    return mutant, expected


@given(corpora(), st.sampled_from(sorted(STRUCTURAL_MUTATIONS)), st.integers(0, 1000))
def test_structural_mutation_is_caught(corpus: GeneratedCorpus, name: str, seed: int) -> None:
    mutant, expected = _mutated(corpus, name, seed, STRUCTURAL_MUTATIONS)
    with _corpus_dir(mutant.tree()) as root:
        report = _check_report_and_load(root)
    assert expected <= {f.code for f in report.errors}, (name, [f.describe() for f in report.findings])


@given(corpora(), st.sampled_from(sorted(SEMANTIC_MUTATIONS)), st.integers(0, 1000))
def test_semantic_mutation_is_caught(corpus: GeneratedCorpus, name: str, seed: int) -> None:
    mutant, expected = _mutated(corpus, name, seed, SEMANTIC_MUTATIONS)
    with _corpus_dir(mutant.tree()) as root:
        report = _check_report_and_load(root)
    assert expected & {f.code for f in report.errors}, (name, expected, [f.describe() for f in report.findings])
