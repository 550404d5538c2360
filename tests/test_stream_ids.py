"""Mention ids kept as digests in streaming validation: E200, E201 and E203 stay those of the full read,
even when digests collide (forced by replacing the digest function)."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from communique import stream
from communique.stream import merge
from communique.stream.hashes import HashSet, digest
from communique.synth import generate_corpus
from communique.validate import validate_full

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
def test_mention_ids_report_the_same_as_the_full_read(
    tmp_path: Path, synth: Path, monkeypatch: pytest.MonkeyPatch, name: str, hashing: str
) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(synth, root)
    edits, code = MUTATIONS[name]
    for n, edit in edits:
        _edit(root, n, edit)
    looks: list[int] = []
    look_again = merge.Merger._look_again

    def counted(self: merge.Merger, key: int, file_index: int, pos: int) -> None:
        looks.append(key)
        look_again(self, key, file_index, pos)

    monkeypatch.setattr(merge, "digest", DIGESTS[hashing])
    monkeypatch.setattr(merge.Merger, "_look_again", counted)
    full = validate_full(root)
    for shard_size in (1, 64):
        looks.clear()
        streamed = stream.run(root, jobs=1, shard_size=shard_size).report
        assert streamed.to_dict() == full.to_dict()
        if hashing == "all-collide":
            assert looks, "every mention id collides: the second look must run"
    codes = [f.code for f in full.findings]
    assert (code in codes) if code else codes == []


def test_the_hash_set_holds_what_was_added_and_nothing_else() -> None:
    rng = random.Random(7)
    values = [rng.getrandbits(64) or 1 for _ in range(5000)] + [1, 2**64 - 1]
    table = HashSet()
    seen: set[int] = set()
    for v in values:
        assert table.add(v) == (v not in seen)
        seen.add(v)
    assert len(table) == len(seen)
    assert all(v in table for v in seen)
    assert not any(v in table for v in (rng.getrandbits(64) or 1 for _ in range(5000)) if v not in seen)


def test_the_digest_is_fixed_and_never_zero() -> None:
    assert digest("a") == digest("a") != digest("b")
    assert all(digest(str(i)) for i in range(1000))
