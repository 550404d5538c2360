"""Hostile MANIFEST.json files: clear findings, nothing read outside the corpus, safe printing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import communique
from communique import jsonio, manifest
from communique.report import Finding
from hostile import Cli


def _with_manifest(root: Path, change: object = None) -> Path:
    path = manifest.write(root)
    if callable(change):
        raw = json.loads(path.read_bytes())
        change(raw)
        path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_a_fresh_manifest_verifies(base_corpus: Path) -> None:
    _with_manifest(base_corpus)
    assert communique.validate(base_corpus).findings == []


@pytest.mark.parametrize(
    "payload,words",
    [
        (b'{"files": [], "files": []}', "duplicate key"),
        (b"[]", "no 'files' list"),
        (b'{"files": {"path": "x"}}', "no 'files' list"),
        (b'{"files": [{"path": 1, "sha256": "00"}]}', "no 'files' list"),
        (b'{"files": [{"path": "data/corpus.json", "sha256": 7}]}', "no 'files' list"),
        (b"\xef\xbb\xbf{}", "byte-order mark"),
        (b"", "empty"),
    ],
)
def test_a_broken_manifest_is_e102(base_corpus: Path, cli: Cli, payload: bytes, words: str) -> None:
    (base_corpus / manifest.MANIFEST_FILE).write_bytes(payload)
    report = communique.validate(base_corpus)
    assert [(f.file, f.code) for f in report.errors] == [("MANIFEST.json", "E102")]
    assert words in report.errors[0].message
    result = cli("validate", base_corpus)
    assert result.code == 1 and "Traceback" not in result.err and "internal error" not in result.err
    with pytest.raises(communique.CommuniqueError):
        communique.load(base_corpus)


def test_recorded_paths_are_never_opened(base_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = ["../../etc/passwd", "/etc/passwd", "data/../../outside.json", "seeds/\x1b[2Jx.txt"]
    _with_manifest(
        base_corpus,
        lambda raw: raw["files"].extend({"path": p, "sha256": "0" * 64, "bytes": 1} for p in hostile),
    )
    (base_corpus.parent / "outside.json").write_text("{}")
    read: list[str] = []
    real = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(str(self.resolve()))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    report = communique.validate(base_corpus)
    assert sorted((f.file, f.code) for f in report.errors) == sorted((p, "E100") for p in hostile)
    assert all(r.startswith(str(base_corpus.resolve())) for r in read), read


def test_oversized_manifest_is_refused_without_reading_it(base_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _with_manifest(base_corpus)
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", path.stat().st_size - 1)
    opened: list[str] = []
    real_open = Path.open

    def spy_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy_open)
    report = communique.validate(base_corpus)
    assert ("MANIFEST.json", "E102") in {(f.file, f.code) for f in report.errors}
    assert "MANIFEST.json" not in opened


def test_text_output_escapes_control_characters_from_data(base_corpus: Path, cli: Cli) -> None:
    _with_manifest(
        base_corpus,
        lambda raw: raw["files"].append({"path": "seeds/\x1b[2J\u202eevil.txt", "sha256": "0" * 64, "bytes": 1}),
    )
    result = cli("validate", base_corpus)
    assert result.code == 1
    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert "seeds/\\x1b[2J\\u202eevil.txt" in result.out
    json_result = cli("validate", base_corpus, "--json")
    assert "\x1b" not in json_result.out  # JSON escapes control characters itself
    assert json.loads(json_result.out)["findings"][0]["file"] == "seeds/\x1b[2J\u202eevil.txt"


def test_describe_escapes_what_a_terminal_would_act_on() -> None:
    finding = Finding("a\x1b[2Jb\x07", "$", "E100", "x\u202ey\nz\ud800 “ok” é")
    text = finding.describe()
    assert text == "a\\x1b[2Jb\\x07 $: E100 x\\u202ey\\nz\\ud800 “ok” é"
    text.encode("utf-8")


def test_an_edited_packaged_corpus_gets_no_manifest_and_never_loads_unvalidated(
    packaged_dir: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A manifest vouches for a corpus: `load()` builds the packaged corpus from its checksummed
    files without validating them again, so a manifest written over an edited, invalid corpus
    would let `span.start == "abc"` load. It is refused instead, with the findings."""
    from communique import api

    doc = sorted((packaged_dir / "data" / "documents").glob("*.json"))[0]
    raw = json.loads(doc.read_bytes())
    raw["mentions"][0]["span"]["start"] = "abc"
    doc.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    recorded = (packaged_dir / manifest.MANIFEST_FILE).read_bytes()
    result = cli("manifest", "--write", packaged_dir)
    assert result.code == 1, result.err
    assert "E103" in result.err and "$.mentions[0].span.start" in result.err
    assert "does not validate" in result.err and "was not written" in result.err
    assert (packaged_dir / manifest.MANIFEST_FILE).read_bytes() == recorded
    with pytest.raises(communique.CorpusInvalidError):
        manifest.write(packaged_dir)
    monkeypatch.setattr(api, "resolve_root", lambda path: packaged_dir if path is None else Path(path))
    with pytest.raises(communique.IntegrityError):
        communique.load()  # the packaged path: checksums first, and they no longer agree
    with pytest.raises(communique.CorpusInvalidError, match="E103"):
        communique.load(packaged_dir, verify=False)  # a corpus by path is validated in full


def test_manifest_write_on_a_valid_corpus_still_writes(base_corpus: Path, cli: Cli) -> None:
    result = cli("manifest", "--write", base_corpus)
    assert result.code == 0, result.err
    assert communique.validate(base_corpus).ok
    assert [f.code for f in manifest.verify(base_corpus)] == []
