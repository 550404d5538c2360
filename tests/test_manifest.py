"""MANIFEST.json: checksums of every shipped file, verified by load() and validate (E106)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import communique
from _support import FIXTURE_CORPUS, REPO, flip_byte, retab
from communique import manifest


@pytest.mark.parametrize("root", [REPO, FIXTURE_CORPUS], ids=["packaged", "fixture"])
def test_committed_manifest_is_current(root: Path) -> None:
    assert (root / "MANIFEST.json").read_text(encoding="utf-8") == manifest.render(root), (
        f"{root}/MANIFEST.json is stale: run `communique manifest --write` there"
    )
    assert manifest.verify(root) == []


def test_manifest_lists_every_file_with_hash_size_and_counts() -> None:
    data = manifest.compute(FIXTURE_CORPUS)
    paths = [f["path"] for f in data["files"]]
    on_disk = sorted(
        p.relative_to(FIXTURE_CORPUS).as_posix()
        for top in ("data", "seeds")
        for p in (FIXTURE_CORPUS / top).rglob("*")
        if p.is_file()
    )
    assert paths == on_disk
    for f in data["files"]:
        raw = (FIXTURE_CORPUS / f["path"]).read_bytes()
        assert f["sha256"] == hashlib.sha256(raw).hexdigest()
        assert f["bytes"] == len(raw)
    corpus = communique.load(FIXTURE_CORPUS)
    assert data["totals"] == {
        "actors": len(corpus.actors),
        "documents": len(corpus.documents),
        "events": len(corpus.events),
        "mentions": len(corpus.mentions),
        "statements": len(corpus.statements),
    }
    by_path = {f["path"]: f for f in data["files"]}
    doc = corpus.file("fx01_kyiv_talks")
    assert by_path["data/documents/fx01_kyiv_talks.json"]["records"] == {
        "documents": 1,
        "events": len(doc.events),
        "mentions": len(doc.mentions),
        "statements": len(doc.statements),
    }
    assert data["dataset_version"] == corpus.version


def test_flipped_byte_fails_load_naming_file_and_both_hashes(corpus_dir: Path) -> None:
    target = corpus_dir / "data" / "actors.json"
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    flip_byte(target, b"Fictional")
    after = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(communique.IntegrityError) as info:
        communique.load(corpus_dir)
    message = str(info.value)
    assert "data/actors.json" in message and before in message and after in message
    assert [(f.code, f.file, f.expected, f.found) for f in info.value.findings] == [
        ("E106", "data/actors.json", before, after)
    ]
    # the escape hatch: the change is a valid edit, so the corpus loads without verification
    corpus = communique.load(corpus_dir, verify=False)
    assert corpus.actor("reuters").note is not None and corpus.actor("reuters").note.startswith("fictional")


def test_validate_reports_e106_and_cli_exits_1(corpus_dir: Path, cli) -> None:
    flip_byte(corpus_dir / "seeds" / "fx02_zurich_note.txt", b"Wir")
    report = communique.validate(corpus_dir)
    e106 = [f for f in report.findings if f.code == "E106"]
    assert [f.file for f in e106] == ["seeds/fx02_zurich_note.txt"]
    assert not report.ok
    result = cli("validate", corpus_dir)
    assert result.code == 1
    assert "E106" in result.out and "seeds/fx02_zurich_note.txt" in result.out
    assert communique.validate(corpus_dir, verify=False).findings == [
        f for f in report.findings if f.code != "E106"
    ]


def test_unlisted_and_missing_files_are_reported(corpus_dir: Path) -> None:
    (corpus_dir / "data" / "documents" / "extra.txt").write_text("stray\n", encoding="utf-8")
    (corpus_dir / "seeds" / "fx02_zurich_note.txt").unlink()
    findings = {(f.code, f.file) for f in manifest.verify(corpus_dir)}
    assert findings == {("E106", "data/documents/extra.txt"), ("E100", "seeds/fx02_zurich_note.txt")}


def test_corrupt_manifest_is_reported(corpus_dir: Path) -> None:
    (corpus_dir / "MANIFEST.json").write_text('{"files": 3}\n', encoding="utf-8")
    findings = manifest.verify(corpus_dir)
    assert [(f.code, f.file) for f in findings] == [("E102", "MANIFEST.json")]
    with pytest.raises(communique.IntegrityError):
        communique.load(corpus_dir)


def test_corpus_without_manifest_is_not_checked(corpus_dir: Path) -> None:
    (corpus_dir / "MANIFEST.json").unlink()
    assert manifest.verify(corpus_dir) == []
    assert len(communique.load(corpus_dir).documents) == 2


def test_manifest_command_checks_and_rewrites(corpus_dir: Path, cli) -> None:
    assert cli("manifest", corpus_dir).code == 0
    flip_byte(corpus_dir / "data" / "actors.json", b"Fictional")
    stale = cli("manifest", corpus_dir)
    assert stale.code == 1 and "data/actors.json" in stale.out
    wrote = cli("manifest", corpus_dir, "--write")
    assert wrote.code == 0 and "MANIFEST.json" in wrote.out
    assert cli("manifest", corpus_dir).code == 0
    assert communique.load(corpus_dir).actor("reuters").note is not None
    recorded = json.loads((corpus_dir / "MANIFEST.json").read_text(encoding="utf-8"))
    assert recorded == manifest.compute(corpus_dir)


def test_manifest_command_without_manifest_exits_1(corpus_dir: Path, cli) -> None:
    (corpus_dir / "MANIFEST.json").unlink()
    result = cli("manifest", corpus_dir)
    assert result.code == 1 and "--write" in result.err


def test_manifest_is_deterministic(corpus_dir: Path) -> None:
    first = manifest.render(corpus_dir)
    manifest.write(corpus_dir)
    assert manifest.render(corpus_dir) == first == (corpus_dir / "MANIFEST.json").read_text(encoding="utf-8")


def test_packaged_corpus_copy_with_a_changed_byte_is_refused(packaged_dir: Path) -> None:
    assert communique.load(packaged_dir).version == communique.dataset_version()
    target = packaged_dir / "data" / "corpus.json"
    retab(target)
    with pytest.raises(communique.IntegrityError, match=r"data/corpus\.json"):
        communique.load(packaged_dir)
    assert communique.load(packaged_dir, verify=False).version == communique.dataset_version()
    assert [f.code for f in communique.validate(packaged_dir).errors] == ["E106"]
