"""`communique add` and `communique resolve` against hostile input: bounded reads, BCP 47 tags,
the validator's structural findings for a malformed actors file, linear quote matching."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import jsonio
from communique.authoring import BCP47
from communique.quotes import find_quote
from hostile import Cli


def _seed(tmp_path: Path, text: str = "A short text about Lyon.\n") -> Path:
    path = tmp_path / "new.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_add_refuses_a_seed_over_the_limit_before_reading_it(
    tmp_path: Path, base_corpus: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(jsonio.MAX_FILE_BYTES + 1)  # sparse: nothing on disk, 256 MiB + 1 to a reader
    real_read = os.read
    asked: list[int] = []
    inode = big.stat().st_ino  # reads of other files (the corpus.json naming the corpus) do not count

    def read(fd: int, n: int) -> bytes:
        if os.fstat(fd).st_ino == inode:
            asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", read)
    result = cli("add", big, "--dir", base_corpus)
    assert result.code == 2, result.err
    assert f"is {jsonio.MAX_FILE_BYTES + 1} bytes, over the limit of {jsonio.MAX_FILE_BYTES} bytes" in result.err
    assert asked == []  # refused from fstat alone
    assert sorted(p.name for p in (base_corpus / "seeds").iterdir()) == ["doc001.txt", "doc002.txt"]


@pytest.mark.parametrize(
    "tag", ["en", "de-CH", "pt-BR", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1901", "sl-rozaj-biske", "es-419",
            "yue-HK", "zh-cmn-Hans-CN"]
)
def test_well_formed_bcp47_tags_are_accepted(tag: str, tmp_path: Path, base_corpus: Path, cli: Cli) -> None:
    assert BCP47.fullmatch(tag)
    result = cli("add", _seed(tmp_path, f"A text in {tag}.\n"), "--dir", base_corpus, "--language", tag)
    assert result.code == 0, result.err
    added = [f for f in communique.validate(base_corpus).findings if f.path == "$.document.language"]
    assert added == []  # the record format takes the tag add wrote


@pytest.mark.parametrize(
    "tag", ["not a tag!", "en_US", "e", "en-", "en--US", "123", "en-US-", "toolongtagname", "de-419-419",
            "en-a", "x", "en-x", "", "en\n", "a" * 500]
)
def test_a_language_that_is_not_a_bcp47_tag_is_refused(tag: str, tmp_path: Path, base_corpus: Path, cli: Cli) -> None:
    result = cli("add", _seed(tmp_path), "--dir", base_corpus, "--language", tag)
    assert result.code == 2
    assert "BCP 47" in result.err and "internal error" not in result.err
    assert sorted(p.name for p in (base_corpus / "seeds").iterdir()) == ["doc001.txt", "doc002.txt"]


@pytest.mark.parametrize("tag", ["EN", "i-klingon", "x-private", "Latn", "en-US-x-twain", "en-a-myext-b-another"])
def test_a_bcp47_tag_the_record_format_refuses_is_a_clear_error(
    tag: str, tmp_path: Path, base_corpus: Path, cli: Cli
) -> None:
    assert BCP47.fullmatch(tag)
    result = cli("add", _seed(tmp_path), "--dir", base_corpus, "--language", tag)
    assert result.code == 2
    assert "record format needs a lowercase" in result.err


ACTOR_SHAPES: dict[str, Any] = {
    "actors-is-an-object": {"schema_version": "1.0.0", "actors": {}},
    "actors-is-a-string": {"schema_version": "1.0.0", "actors": "Ana Ruiz"},
    "actor-is-a-list": {"schema_version": "1.0.0", "actors": [[]]},
    "roles-is-a-string": {"schema_version": "1.0.0", "actors": [{"id": "a", "name": "A", "type": "person",
                                                                  "roles": "mayor"}]},
    "roles-is-null": {"schema_version": "1.0.0", "actors": [{"id": "a", "name": "A", "type": "person",
                                                              "roles": None}]},
    "role-is-a-number": {"schema_version": "1.0.0", "actors": [{"id": "a", "name": "A", "type": "person",
                                                                 "roles": [1]}]},
    "top-level-array": [],
}


@pytest.mark.parametrize("shape", sorted(ACTOR_SHAPES))
def test_resolve_gives_the_validators_finding_for_a_malformed_actors_file(
    shape: str, base_corpus: Path, cli: Cli
) -> None:
    actors = base_corpus / "data" / "actors.json"
    actors.write_text(json.dumps(ACTOR_SHAPES[shape]), encoding="utf-8")
    before = actors.read_bytes()
    result = cli("resolve", "--dir", base_corpus, actors)
    assert result.code == 1, result.err
    assert "internal error" not in result.err
    validated = {f.describe() for f in communique.validate(base_corpus).findings if f.file == "data/actors.json"}
    shown = {line.removeprefix("error: ") for line in result.err.splitlines() if line.startswith("error: ")}
    assert shown and shown <= validated, (shown, validated)
    assert actors.read_bytes() == before


def test_a_prefix_is_matched_at_fixed_positions() -> None:
    text = "ab Lyon, b Lyon, ab Lyon"
    assert find_quote(text, "Lyon", prefix="ab ", occurrence=2) == (20, 24)
    with pytest.raises(communique.SpanResolutionError, match="does not occur"):
        find_quote("Lyon x", "Lyon", prefix="long prefix ")
    assert find_quote("xLyon", "Lyon", prefix="x") == (1, 5)
    assert find_quote("Lyon", "Lyon", prefix="") == (0, 4)
    assert find_quote("Lyon, Lyon!", "Lyon", suffix="!") == (6, 10)


def test_a_prefix_that_does_not_occur_takes_linear_time(tmp_path: Path) -> None:
    """4 MB of a word that repeats, with a prefix found nowhere: 800,000 candidates. Matching the
    prefix by slicing the text before each one copied 1.6 TB; at fixed positions it takes a second."""
    code = (
        "import communique\nfrom communique.quotes import find_quote\n"
        "text = 'word ' * 800_000\n"
        "try:\n    find_quote(text, 'word', prefix='nowhere ')\n"
        "except communique.SpanResolutionError as exc:\n    print(exc)\n"
    )
    try:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("a prefix that does not occur made quote matching quadratic")
    assert "does not occur" in result.stdout
