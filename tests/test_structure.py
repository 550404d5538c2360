"""The fast structural path never changes a finding: every hostile byte pattern, every rule's
failing example and every hostile fixture report the same with the fast path turned off, and
whatever the number of processes or the shard size."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.report import Report
from communique.synth import generate_corpus
from communique.validation import document, run
from minicorpus import MiniCorpus
from test_checks import CASES, Case

HOSTILE_FIXTURES = Path(__file__).parent / "fixtures" / "hostile"


def _report(root: Path, jobs: int = 1, shard_size: int = 64) -> Report:
    return run(root, jobs=jobs, shard_size=shard_size).report


def _same(root: Path, jobs: int = 1, shard_size: int = 64) -> list[str]:
    """The codes of the report, checked equal with the fast path off (strict path only)."""
    fast = _report(root, jobs, shard_size)
    real = document.fast_parse
    document.fast_parse = lambda data: None  # type: ignore[assignment]
    try:
        strict = _report(root, 1, 64)
    finally:
        document.fast_parse = real
    assert fast.to_dict() == strict.to_dict()
    return [f.code for f in fast.findings]


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("synth") / "corpus", documents=6, seed=3)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_every_rule_reports_the_same_on_the_strict_path(tmp_path: Path, case: Case) -> None:
    mini = MiniCorpus.copy(tmp_path / "corpus")
    case.mutate(mini)
    assert case.code in _same(mini.save(), shard_size=1)


def test_the_generated_corpus_is_valid(synth: Path) -> None:
    assert _same(synth) == []


def _rewrite(root: Path, name: str, edit: Callable[[bytes], bytes]) -> None:
    path = root / "data" / "documents" / name
    path.write_bytes(edit(path.read_bytes()))


def _dup_key(data: bytes) -> bytes:
    return data.replace(b'"genre": "news"', b'"genre": "opinion", "genre": "news"', 1)


def _dup_key_spaced(data: bytes) -> bytes:
    return data.replace(b'"kind": "name"', b'"kind" : "pronoun",\n "kind"\t:  "name"', 1)


def _dup_nested(data: bytes) -> bytes:
    return data.replace(b'"start": 0,', b'"start": 5, "start": 0,', 1)


HOSTILE: dict[str, Callable[[bytes], bytes]] = {
    "bom": lambda d: b"\xef\xbb\xbf" + d,
    "duplicate-key": _dup_key,
    "duplicate-key-spaced": _dup_key_spaced,
    "duplicate-key-nested": _dup_nested,
    # one kind of white space before the colon of the repeated key (each takes the counting path)
    "duplicate-key-tab-colon": lambda d: d.replace(b'"kind": "name"', b'"kind"\t: "pronoun", "kind": "name"', 1),
    "duplicate-key-newline-colon": lambda d: d.replace(b'"kind": "name"', b'"kind"\n: "pronoun", "kind": "name"', 1),
    "duplicate-key-return-colon": lambda d: d.replace(b'"kind": "name"', b'"kind"\r: "pronoun", "kind": "name"', 1),
    "duplicate-key-space-colon": lambda d: d.replace(b'"kind": "name"', b'"kind"  : "pronoun", "kind": "name"', 1),
    "nan": lambda d: d.replace(b'"start": 0', b'"start": NaN', 1),
    "infinity": lambda d: d.replace(b'"start": 0', b'"start": -Infinity', 1),
    "surrogate": lambda d: d.replace(b'"language": "en"', b'"language": "en\\ud800"', 1),
    "bad-utf8": lambda d: d.replace(b'"news"', b'"ne\xffws"', 1),
    "bad-utf8-surrogate": lambda d: d.replace(b'"news"', b'"ne\xed\xa0\x80ws"', 1),
    "bad-utf8-overlong": lambda d: d.replace(b'"news"', b'"ne\xc0\xafws"', 1),
    "bad-utf8-too-high": lambda d: d.replace(b'"news"', b'"ne\xf4\x90\x80\x80ws"', 1),
    "bad-utf8-outside-strings": lambda d: d.replace(b'"genre": "news"', b'"genre":\xa0"news"', 1),
    "big-int": lambda d: d.replace(b'"start": 0', b'"start": 99999999999999999999999', 1),
    "integral-float": lambda d: d.replace(b'"start": 0', b'"start": 0.0', 1),
    "key-like-text": lambda d: d.replace(b'"value": "', b'"value": "x\\": ', 1),
    "trailing-garbage": lambda d: d + b"}",
    "empty": lambda d: b"",
    "array": lambda d: b"[" + d + b"]",
    "schema-version-2": lambda d: d.replace(b'"schema_version": "1.0.0"', b'"schema_version": "2.0.0"', 1),
    "deep": lambda d: d.replace(b'"headings": []', b'"headings": ' + b"[" * 70 + b"]" * 70, 1),
    "unknown-field": lambda d: d.replace(b'"genre": "news"', b'"genre": "news", "extra": 1', 1),
    "wrong-id": lambda d: d.replace(b'"id": "syn0000002"', b'"id": "syn0000001"', 1),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_document_files_report_the_same_on_both_paths(tmp_path: Path, synth: Path, name: str) -> None:
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(synth, root)
    _rewrite(root, "syn0000002.json", HOSTILE[name])
    assert set(_same(root, shard_size=2)) == EXPECTED.get(name, {"E102"})


EXPECTED = {
    "array": {"E103"},
    "unknown-field": {"E103"},
    "schema-version-2": {"E104"},
    "integral-float": set(),
    "key-like-text": set(),
    "wrong-id": {"E105", "E200", "E204", "E310"},
}


def test_processes_give_the_same_report(tmp_path: Path, synth: Path) -> None:
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(synth, root)
    _rewrite(root, "syn0000001.json", _dup_key)
    doc = json.loads((root / "data" / "documents" / "syn0000004.json").read_text(encoding="utf-8"))
    doc["events"][0]["links"] = [{"relation": "part_of", "event": "syn0000005-e01"}]
    (root / "data" / "documents" / "syn0000004.json").write_text(json.dumps(doc), encoding="utf-8")
    one = _report(root, jobs=1, shard_size=1)
    two = _report(root, jobs=2, shard_size=1)
    assert one.to_dict() == two.to_dict()
    assert {"E102", "E204"} <= {f.code for f in one.findings}
    _same(root, jobs=2, shard_size=1)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_special_files_report_the_same_and_never_block(tmp_path: Path, synth: Path) -> None:
    import os
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(synth, root)
    (root / "seeds" / "syn0000001.txt").unlink()
    os.mkfifo(root / "seeds" / "syn0000001.txt")
    (root / "data" / "documents" / "syn0000003.json").unlink()
    (root / "data" / "documents" / "syn0000003.json").mkdir()
    codes = _same(root)
    assert "E100" in codes or "E101" in codes


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**31), documents=st.integers(1, 4), size=st.integers(1, 3), cut=st.integers(0, 10_000))
def test_generated_corpora_report_alike_on_both_paths(seed: int, documents: int, size: int, cut: int) -> None:
    """Any generated corpus is valid, and stays reported alike once one of its document files is cut short."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = generate_corpus(Path(tmp) / "c", documents=documents, seed=seed, size=size)
        assert _same(root, shard_size=1) == []
        path = sorted((root / "data" / "documents").glob("*.json"))[cut % documents]
        data = path.read_bytes()
        path.write_bytes(data[: cut % len(data)])
        assert "E102" in _same(root, shard_size=2)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in HOSTILE_FIXTURES.iterdir() if p.is_dir() and p.name[:1] in "EW")
)
def test_hostile_fixtures_report_the_same_on_both_paths(name: str) -> None:
    codes = _same(HOSTILE_FIXTURES / name, shard_size=1)
    assert name.split("-", 1)[0] in codes
