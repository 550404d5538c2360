"""Hostile corpus directories that cannot be committed as fixtures: built at test time.

Unreadable files: CI runs as root, and root reads a mode-000 file anyway, so a permission error
is simulated (a folder where a file belongs, or a monkeypatched read that raises
PermissionError); the chmod case runs too, and checks whichever outcome the user gets.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import jsonio
from communique.report import Report
from communique.validation import run
from communique.validation.structure import MAX_FINDINGS_PER_FILE
from hostile import Cli


def _codes(report: Report) -> set[str]:
    return {f.code for f in report.findings}


def _validate_cli(cli: Cli, root: Path) -> tuple[int, dict[str, object], str]:
    result = cli("validate", root, "--json")
    code, out, err = result.code, result.out, result.err
    assert "Traceback" not in err and "internal error" not in err, err
    return code, json.loads(out) if out else {}, err


def test_base_corpus_is_valid(base_corpus: Path) -> None:
    report = communique.validate(base_corpus)
    assert report.findings == []
    corpus = communique.load(base_corpus)
    assert [d.id for d in corpus.documents] == ["doc001", "doc002"]
    assert corpus.document("doc001").text.startswith("Lyon, 4 March 2025")


def test_permission_denied_is_e101(base_corpus: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    real = os.open

    def denying_open(path: str, flags: int, *args: int, **kwargs: object) -> int:
        if os.fspath(path).endswith("actors.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denying_open)
    code, report, _ = _validate_cli(cli, base_corpus)
    assert code == 1
    [finding] = [f for f in report["findings"] if f["code"] == "E101"]  # type: ignore[union-attr]
    assert finding["file"] == "data/actors.json"
    assert "Permission denied" in finding["message"]


def test_mode_000_file(base_corpus: Path, cli: Cli) -> None:
    target = base_corpus / "data" / "corpus.json"
    target.chmod(0)
    try:
        code, report, _ = _validate_cli(cli, base_corpus)
    finally:
        target.chmod(0o644)
    if os.geteuid() == 0:  # root reads it regardless of its mode
        assert code == 0
    else:
        assert code == 1
        assert "E101" in {f["code"] for f in report["findings"]}  # type: ignore[union-attr]


def test_folder_where_a_file_belongs_is_e101(base_corpus: Path) -> None:
    seed = base_corpus / "seeds" / "doc002.txt"
    seed.unlink()
    seed.mkdir()
    report = communique.validate(base_corpus)
    assert [(f.file, f.code) for f in report.errors] == [("seeds/doc002.txt", "E101")]


def test_unlistable_documents_folder_is_e101(base_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "documents":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    report = communique.validate(base_corpus)
    assert [(f.file, f.code) for f in report.errors] == [("data/documents", "E101")]


def test_oversized_file_is_e102_and_never_read(base_corpus: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    size = (base_corpus / "data" / "documents" / "doc001.json").stat().st_size
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", size - 1)
    read: list[str] = []
    real_open, real_os_open, real_os_read = Path.open, os.open, os.read
    names: dict[int, str] = {}

    def spy_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        read.append(self.name)  # a file object is opened to be read
        return real_open(self, *args, **kwargs)

    def spy_os_open(path: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        fd = real_os_open(path, *args, **kwargs)
        names[fd] = Path(path).name
        return fd

    def spy_os_read(fd: int, n: int) -> bytes:
        read.append(names.get(fd, "?"))
        return real_os_read(fd, n)

    monkeypatch.setattr(Path, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(os, "read", spy_os_read)
    code, report, _ = _validate_cli(cli, base_corpus)
    assert code == 1
    big = [f for f in report["findings"] if f["file"] == "data/documents/doc001.json"]  # type: ignore[union-attr]
    assert [f["code"] for f in big] == ["E102"]
    assert f"it is {size} bytes, over the limit of {size - 1} bytes" in big[0]["message"]
    assert "doc001.json" not in read
    assert "doc002.json" in read


def test_oversized_seed_is_refused(base_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (base_corpus / "seeds" / "doc002.txt").write_bytes(b"x" * 5000)
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", 4000)
    report = communique.validate(base_corpus)
    assert ("seeds/doc002.txt", "E102") in {(f.file, f.code) for f in report.errors}


def test_deeply_nested_generated_file_is_e102(base_corpus: Path, cli: Cli) -> None:
    (base_corpus / "data" / "actors.json").write_bytes(b'{"schema_version": "1.0.0", "actors": ' + b"[" * 200_000)
    code, report, _ = _validate_cli(cli, base_corpus)
    assert code == 1
    [finding] = [f for f in report["findings"] if f["file"] == "data/actors.json"]  # type: ignore[union-attr]
    assert finding["code"] == "E102"
    assert "deeper than 64" in finding["message"]


def test_undecodable_file_name_is_reported_not_crashed(base_corpus: Path, cli: Cli) -> None:
    name = os.fsdecode(b"caf\xe9.json")  # not UTF-8: decodes to a lone surrogate
    (base_corpus / "data" / "documents" / name).write_bytes(b"{}")
    result = cli("validate", base_corpus)
    code, out, err = result.code, result.out, result.err
    assert code == 1
    assert "Traceback" not in err
    assert "caf\\udce9.json" in out
    assert "E105" in out


@pytest.mark.parametrize("name", ["a b.json", ".hidden.json", "con.json", "-x.json"])
def test_oddly_named_document_file_is_e105(base_corpus: Path, name: str) -> None:
    (base_corpus / "data" / "documents" / name).write_text("{}")
    report = communique.validate(base_corpus)
    assert [f.code for f in report.errors] == ["E105"]
    assert name in report.errors[0].file


def test_symlinked_document_outside_the_corpus_is_read_as_data_only(base_corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text('{"not": "a document"}')
    (base_corpus / "data" / "documents" / "doc003.json").symlink_to(outside)
    report = communique.validate(base_corpus)
    assert {f.code for f in report.errors} == {"E103"}


def test_zipped_corpus_is_read_with_bounded_reads(
    base_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(base_corpus.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(base_corpus).as_posix())
    result = run(zipfile.Path(archive), verify=False)
    assert result.report.findings == []
    assert result.documents == 2
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", 1000)
    result = run(zipfile.Path(archive), verify=False)
    assert ("data/documents/doc001.json", "E102") in {(f.file, f.code) for f in result.report.findings}


def test_load_raises_corpus_invalid_with_the_report(base_corpus: Path) -> None:
    (base_corpus / "data" / "corpus.json").write_bytes(b'{"a": 1, "a": 2}')
    with pytest.raises(communique.CorpusInvalidError) as info:
        communique.load(base_corpus)
    assert [f.code for f in info.value.report.errors] == ["E102"]
    assert "data/corpus.json" in str(info.value)


@pytest.mark.parametrize("make", ["missing", "file", "empty-dir"])
def test_load_of_a_non_corpus_path_is_dataset_not_found(tmp_path: Path, make: str) -> None:
    target = tmp_path / "x"
    if make == "file":
        target.write_text("{}")
    elif make == "empty-dir":
        target.mkdir()
    with pytest.raises(communique.DatasetNotFoundError, match="not a corpus directory"):
        communique.load(target)


@pytest.mark.parametrize("make", ["missing", "file", "empty-dir"])
def test_validate_of_a_non_corpus_path_is_a_finding_or_a_usage_error(tmp_path: Path, cli: Cli, make: str) -> None:
    target = tmp_path / "x"
    if make == "file":
        target.write_text("{}")
    elif make == "empty-dir":
        target.mkdir()
    assert [f.code for f in communique.validate(target).findings] == ["E100"]
    result = cli("validate", target, "--json")
    code, out, err = result.code, result.out, result.err
    assert (code, out) == (2, "")
    assert err.startswith("communique: error: ") and str(target) in err and "Traceback" not in err


def test_no_documents_is_reported_alongside_other_errors(base_corpus: Path) -> None:
    for path in (base_corpus / "data" / "documents").iterdir():
        path.unlink()
    (base_corpus / "data" / "documents").rmdir()  # an empty folder is an empty corpus; a missing one is E100
    (base_corpus / "data" / "corpus.json").write_bytes(b"")
    report = communique.validate(base_corpus)
    assert {(f.file, f.code) for f in report.errors} == {("data/corpus.json", "E102"), ("data/documents", "E100")}


@pytest.mark.parametrize("kind", ["fifo", "device", "dangling-symlink"])
def test_special_files_are_e101_and_never_block(base_corpus: Path, kind: str) -> None:
    target = base_corpus / "data" / "actors.json"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)  # opening a FIFO for reading would block until a writer appears
    elif kind == "device":
        target.symlink_to("/dev/zero")  # endless bytes
    else:
        target.symlink_to(base_corpus / "nowhere.json")
    report = communique.validate(base_corpus)
    expected = "E100" if kind == "dangling-symlink" else "E101"
    assert [(f.file, f.code) for f in report.errors] == [("data/actors.json", expected)]


def test_record_format_findings_are_capped_per_file(base_corpus: Path, cli: Cli) -> None:
    items = ", ".join(["{}"] * 2000)
    (base_corpus / "data" / "actors.json").write_text(f'{{"schema_version": "1.0.0", "actors": [{items}]}}')
    code, report, _ = _validate_cli(cli, base_corpus)
    assert code == 1
    findings = [f for f in report["findings"] if f["file"] == "data/actors.json"]  # type: ignore[union-attr]
    assert len(findings) == MAX_FINDINGS_PER_FILE + 1
    [summary] = [f for f in findings if f["path"] == "$"]
    rest = 6000 - MAX_FINDINGS_PER_FILE
    assert summary["message"] == f"{rest} more record-format errors in this file are not listed (found 6000 in all)"


def test_too_many_values_is_e102(base_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonio, "MAX_VALUES", 100)
    report = communique.validate(base_corpus)
    assert {(f.file, f.code) for f in report.errors} == {("data/documents/doc001.json", "E102")}
    assert "MAX_VALUES" in report.errors[0].message


def _edit_doc2(root: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = root / "data" / "documents" / "doc002.json"
    doc = json.loads(path.read_bytes())
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def test_a_refused_file_is_not_reported_again_as_dangling_references(base_corpus: Path) -> None:
    (base_corpus / "data" / "actors.json").write_bytes(b"{")
    (base_corpus / "data" / "documents" / "doc001.json").write_bytes(b"[]")
    report = communique.validate(base_corpus)
    assert {(f.file, f.code) for f in report.findings} == {
        ("data/actors.json", "E102"),
        ("data/documents/doc001.json", "E103"),
    }


def test_references_that_can_still_be_judged_are_reported(base_corpus: Path) -> None:
    (base_corpus / "data" / "documents" / "doc001.json").write_bytes(b"{")

    def change(doc: dict[str, Any]) -> None:
        doc["mentions"][0]["actor"] = "nobody"  # actors.json was read: truly dangling
        doc["events"][0]["links"] = [{"relation": "part_of", "event": "doc002-e09"}]  # same document: dangling

    _edit_doc2(base_corpus, change)
    report = communique.validate(base_corpus)
    assert {(f.file, f.path, f.code) for f in report.errors} == {
        ("data/documents/doc001.json", "$", "E102"),
        ("data/documents/doc002.json", "$.mentions[0].actor", "E202"),
        ("data/documents/doc002.json", "$.events[0].links[0].event", "E202"),
    }
