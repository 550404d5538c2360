"""The id index: the compact index (mention ids as digests) reports what the exact index reports,
E200, E201 and E203 included, even when digests collide (forced by replacing the digest function),
and its second looks stay linear in the corpus size."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from _support import count_opens
from communique.synth import generate_corpus
from communique.validation import index as index_module
from communique.validation import run
from communique.validation.index import CompactIndex, ExactIndex, HashMap, digest

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("synth") / "corpus", documents=3, seed=3)


def _edit(root: Path, n: int, edit: Callable[[Doc], None]) -> None:
    path = root / "data" / "documents" / f"syn000000{n}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def _set(kind: str, i: int, field: str, value: str) -> Callable[[Doc], None]:
    def edit(doc: Doc) -> None:
        doc[kind][i][field] = value

    return edit


def _place(value: str) -> Callable[[Doc], None]:
    def edit(doc: Doc) -> None:
        doc["events"][0]["place"]["actor"] = value

    return edit


MUTATIONS: dict[str, tuple[list[tuple[int, Callable[[Doc], None]]], str | None]] = {
    "valid": ([], None),
    "mention-twice-across-files": ([(2, _set("mentions", 1, "id", "syn0000000-m002"))], "E200"),
    "mention-twice-in-a-file": ([(1, _set("mentions", 4, "id", "syn0000001-m002"))], "E200"),
    "mention-case-of-earlier-mention": ([(2, _set("mentions", 0, "id", "SYN0000001-M003"))], "E201"),
    "event-case-of-earlier-mention": ([(2, _set("events", 0, "id", "SYN0000000-m001"))], "E201"),
    "event-same-as-earlier-mention": ([(2, _set("events", 0, "id", "syn0000001-m001"))], "E200"),
    "mention-case-of-earlier-event": ([(2, _set("mentions", 0, "id", "syn0000001-E01"))], "E201"),
    "mention-same-as-earlier-event": ([(1, _set("mentions", 2, "id", "syn0000000-e01"))], "E200"),
    "mention-same-as-document": ([(1, _set("mentions", 0, "id", "syn0000000"))], "E200"),
    "three-alike": (
        [(0, _set("mentions", 1, "id", "Twin")), (1, _set("mentions", 0, "id", "twin")),
         (2, _set("events", 0, "id", "TWIN")), (2, _set("mentions", 3, "id", "twin"))],
        "E201",
    ),
    "reference-to-an-earlier-mention": ([(1, _place("syn0000000-m001"))], "E203"),
    "reference-to-a-later-mention": ([(0, _place("syn0000002-m003"))], "E203"),
}

DIGESTS: dict[str, Callable[[str], int]] = {
    "siphash": digest,
    "all-collide": lambda key: 1,
    "by-length": lambda key: len(key) % 3 + 1,
}


@pytest.mark.parametrize("hashing", sorted(DIGESTS))
@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_the_compact_index_reports_what_the_exact_index_reports(
    tmp_path: Path, synth: Path, monkeypatch: pytest.MonkeyPatch, name: str, hashing: str
) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(synth, root)
    edits, code = MUTATIONS[name]
    for n, edit in edits:
        _edit(root, n, edit)
    looks: list[int] = []
    promote = CompactIndex._promote

    def counted(self: CompactIndex, key: int) -> None:
        looks.append(key)
        promote(self, key)

    monkeypatch.setattr(index_module, "digest", DIGESTS[hashing])
    monkeypatch.setattr(CompactIndex, "_promote", counted)
    exact = run(root, jobs=1, compact=False).report
    for shard_size in (1, 64):
        looks.clear()
        compact = run(root, jobs=1, shard_size=shard_size).report
        assert compact.to_dict() == exact.to_dict()
        if hashing == "all-collide":
            assert looks, "every mention id collides: the second look must run"
    codes = [f.code for f in exact.findings]
    assert (code in codes) if code else codes == []


def _ids(rng: random.Random, n: int) -> list[tuple[str, bool]]:
    pool = ["a", "A", "ab", "aB", "Ab", "b", "x1", "X1", "m-1", "M-1", "q"]
    return [(rng.choice(pool) if rng.random() < 0.3 else f"id{rng.randrange(60)}", rng.random() < 0.6)
            for _ in range(n)]


@pytest.mark.parametrize("hashing", sorted(DIGESTS))
def test_both_indexes_answer_alike_on_random_ids(monkeypatch: pytest.MonkeyPatch, hashing: str) -> None:
    monkeypatch.setattr(index_module, "digest", DIGESTS[hashing])
    rng = random.Random(11)
    for _ in range(30):
        ids = _ids(rng, 80)
        exact = ExactIndex()
        compact = CompactIndex(lambda packed, ids=ids: ids[packed][0])  # type: ignore[misc]
        for packed, (rid, hashable) in enumerate(ids):
            assert compact.add(rid, packed, hashable) == exact.add(rid, packed, hashable), (rid, packed)
        for rid, _ in [*ids, ("missing", False)]:
            assert compact.get(rid) == exact.get(rid)
        assert compact.looks <= len(ids)


def test_the_hash_map_holds_what_was_put_and_nothing_else() -> None:
    rng = random.Random(7)
    values = [rng.getrandbits(64) or 1 for _ in range(5000)] + [1, 2**64 - 1]
    table = HashMap()
    seen: dict[int, int] = {}
    for i, v in enumerate(values):
        table.put(v, i)
        seen.setdefault(v, i)
    assert len(table) == len(seen)
    assert all(table.get(v) == i for v, i in seen.items())
    assert not any(table.get(v) is not None for v in (rng.getrandbits(64) or 1 for _ in range(5000)) if v not in seen)


def test_the_digest_is_fixed_and_never_zero() -> None:
    assert digest("a") == digest("a") != digest("b")
    assert all(digest(str(i)) for i in range(1000))


def _repeating(root: Path, files: int) -> Path:
    """A corpus where every document file repeats one of its mention ids (E200 in every file)."""
    corpus = generate_corpus(root, documents=files, seed=5)
    for path in sorted((corpus / "data" / "documents").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["mentions"][1]["id"] = doc["mentions"][0]["id"]
        path.write_text(json.dumps(doc), encoding="utf-8")
    return corpus


def test_a_repeated_mention_id_in_every_file_reads_each_file_once(tmp_path: Path) -> None:
    """Each such file once sent the compact index back over every earlier file (quadratic time)."""
    files = 30
    corpus = _repeating(tmp_path / "corpus", files)
    code = ("import sys, communique\nreport = communique.validate(sys.argv[1])\n"
            f"assert [f.code for f in report.findings].count('E200') == {files}, report.findings[:3]\n")
    opens = count_opens(code, str(corpus))
    assert len(opens) == files
    assert max(opens.values()) == 1, "a second look re-read earlier files"
