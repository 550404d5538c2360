"""Streaming validation reports exactly what the full read reports, on every rule's failing
example, on hostile bytes, and whatever the number of processes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import stream
from communique.synth import generate_corpus
from communique.validate import validate, validate_full
from minicorpus import MiniCorpus
from test_checks import CASES, REFERENCES, Case


def _same(root: Path, jobs: int = 1, shard_size: int = 64) -> list[str]:
    full = validate_full(root)
    streamed = stream.run(root, jobs=jobs, shard_size=shard_size).report
    assert streamed.to_dict() == full.to_dict()
    return [f.code for f in full.findings]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_every_rule_reports_the_same_when_streamed(tmp_path: Path, case: Case) -> None:
    mini = MiniCorpus.copy(tmp_path / "corpus")
    case.mutate(mini)
    assert case.code in _same(mini.save(), shard_size=1)


MESSAGES = {
    "mention-actor": "reference to actor 'nobody', but no record has that id; expected the id of an existing actor",
    "place-is-event": "reference 'doc1-e2' names a event (data/documents/doc1.json $.events[1]); "
    "expected the id of a actor",
    "link-to-actor": "reference 'geneva' names a actor (data/actors.json $.actors[1]); expected the id of a event",
    "record-names-other-document": "record is in the file of document 'doc1' but names document 'doc9'; "
    "expected 'doc1'",
    "about-event-of-other-document": "event 'doc2-e1' belongs to document 'doc2'; expected a event of document 'doc1'",
}
"""The wording of reference findings, built once in :mod:`communique.checks.references` for both reads
(E203 to an actor is raised per document when streamed, E203 to another kind once the corpus is read)."""


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_reference_messages_are_worded_alike_in_both_reads(tmp_path: Path, name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    mini = MiniCorpus.copy(tmp_path / "corpus")
    case.mutate(mini)
    root = mini.save()
    streamed = stream.run(root, jobs=1, shard_size=1).report
    for report in (validate_full(root), streamed):
        assert [f.message for f in report.findings if f.code == case.code] == [MESSAGES[name]]


@pytest.mark.parametrize("ref", REFERENCES, ids=[r[2] for r in REFERENCES])
def test_every_dangling_reference_reports_the_same_when_streamed(tmp_path: Path, ref: tuple[object, ...]) -> None:
    mini = MiniCorpus.copy(tmp_path / "corpus")
    mutate = ref[1]
    assert callable(mutate)
    mutate(mini)
    assert "E202" in _same(mini.save())


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("synth") / "corpus", documents=6, seed=3)


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
def test_hostile_document_files_report_the_same_when_streamed(tmp_path: Path, synth: Path, name: str) -> None:
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
    one = stream.run(root, jobs=1, shard_size=1).report
    two = stream.run(root, jobs=2, shard_size=1).report
    assert one.to_dict() == two.to_dict() == validate_full(root).to_dict()
    assert {"E102", "E204"} <= {f.code for f in one.findings}


def test_validate_streams(synth: Path) -> None:
    assert validate(synth).to_dict() == validate_full(synth).to_dict()


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
def test_generated_corpora_stream_like_the_full_read(seed: int, documents: int, size: int, cut: int) -> None:
    """Any generated corpus is valid, and stays reported alike once one of its document files is cut short."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = generate_corpus(Path(tmp) / "c", documents=documents, seed=seed, size=size)
        assert _same(root, shard_size=1) == []
        path = sorted((root / "data" / "documents").glob("*.json"))[cut % documents]
        data = path.read_bytes()
        path.write_bytes(data[: cut % len(data)])
        assert "E102" in _same(root, shard_size=2)


HOSTILE_FIXTURES = Path(__file__).parent / "fixtures" / "hostile"


@pytest.mark.parametrize(
    "name", sorted(p.name for p in HOSTILE_FIXTURES.iterdir() if p.is_dir() and p.name[:1] in "EW")
)
def test_hostile_fixtures_report_the_same_when_streamed(name: str) -> None:
    codes = _same(HOSTILE_FIXTURES / name, shard_size=1)
    assert name.split("-", 1)[0] in codes
