"""`communique init`, corpus discovery (the corpus containing the current folder, as git finds a
repository), the line naming the corpus used, --no-verify and hints that work when pasted."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from communique.cli import main
from communique.layout import discover, find_corpus
from minicorpus import MINI

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bd8b5cfe7c34e604.txt"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_creates_an_empty_corpus_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "mine"
    assert _run(capsys, "init", str(root))[0] == 0
    info = json.loads((root / "data/corpus.json").read_text())
    assert (info["name"], info["version"]) == ("mine", "0.1.0")
    assert json.loads((root / "data/actors.json").read_text())["actors"] == []
    assert (root / "data/documents").is_dir() and (root / "seeds").is_dir() and (root / "README.md").is_file()
    code, out, err = _run(capsys, "validate", str(root))
    assert code == 0 and "valid (0 error(s)" in out
    assert f"corpus: {root} (mine 0.1.0)" in err


def test_init_refuses_a_non_empty_folder_and_an_existing_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    code, _, err = _run(capsys, "init", str(tmp_path))
    assert code == 2 and "not empty" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert _run(capsys, "init", str(tmp_path / "c"))[0] == 0
    code, _, err = _run(capsys, "init", str(tmp_path / "c"))
    assert code == 2 and "already a corpus" in err


def test_discovery_walks_up_to_the_corpus_and_falls_back_to_the_packaged(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    main(["init", str(tmp_path / "c")])
    deep = tmp_path / "c" / "data" / "documents"
    assert find_corpus(deep) == (tmp_path / "c").absolute()
    assert discover(None, cwd=deep) == (tmp_path / "c").absolute()
    assert discover(None, cwd=tmp_path) is None  # outside any corpus: the packaged one
    assert discover(tmp_path / "x", cwd=deep) == tmp_path / "x"  # a DIR given wins


def test_every_step_acts_on_the_corpus_of_the_current_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "work"
    _run(capsys, "init", str(root))
    monkeypatch.chdir(root / "seeds")
    code, out, err = _run(capsys, "add", str(SEED), "--id", "d1")
    assert code == 0 and f"corpus: {root}" in err
    hint = out.splitlines()[-1]
    assert f"communique validate {shlex.quote(str(root))}" in hint
    code, out, err = _run(capsys, "validate")
    assert code == 0 and f"corpus: {root} (work 0.1.0)" in err and "checked 1 document file(s)" in out
    code, out, err = _run(capsys, "list", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["d1"]  # --json stays pure JSON
    for argv in (("show", "d1"), ("show", "d1", str(root)), ("show", "d1", "--dir", str(root))):
        code, out, err = _run(capsys, *argv)
        assert code == 0 and f"corpus: {root}" in err, argv
    code, _, err = _run(capsys, "resolve")
    assert code == 0 and f"corpus: {root}" in err
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "validate")
    assert code == 0 and "packaged" in err


def test_add_and_resolve_outside_a_corpus_say_how_to_start_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for argv in (("add", str(SEED)), ("resolve",)):
        code, _, err = _run(capsys, *argv)
        assert code == 2 and "`communique init DIR`" in err and "Errno" not in err, argv


def test_a_stale_manifest_hint_works_when_pasted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "c c"
    shutil.copytree(MINI, root)
    assert _run(capsys, "manifest", str(root), "--write")[0] == 0
    _, _, err = _run(capsys, "add", str(SEED), str(root), "--id", "d9")
    assert "now differs" in err
    code, out, _ = _run(capsys, "validate", str(root))
    assert code == 1 and "E106" in out
    pasted = shlex.split(out.split("run `", 1)[1].split("`", 1)[0])
    assert pasted[:2] == ["communique", "manifest"]
    assert _run(capsys, *pasted[1:])[0] == 0
    assert _run(capsys, "validate", str(root))[0] == 0


def test_no_verify_reads_an_edited_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    assert _run(capsys, "manifest", str(root), "--write")[0] == 0
    _run(capsys, "add", str(SEED), str(root), "--id", "d9")
    code, _, err = _run(capsys, "show", "d9", str(root))
    assert code != 0 and "--no-verify" in err and "verify=False" in err
    assert _run(capsys, "show", "d9", str(root), "--no-verify")[0] == 0
    assert _run(capsys, "validate", str(root), "--no-verify")[0] == 0


def test_one_document_file_validates_with_its_text_without_a_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import communique

    doc, text = MINI / "data/documents/doc1.json", next((MINI / "seeds").iterdir())
    code, out, _ = _run(capsys, "validate", str(doc), "--text", str(text))
    assert code == 0 and "without a corpus folder" in out and "actor reference(s)" in out
    assert communique.validate_document(doc, text).ok
    broken = json.loads(doc.read_text())
    broken["mentions"][0]["span"]["end"] = 10_000
    (tmp_path / "doc1.json").write_text(json.dumps(broken))
    report = communique.validate_document(tmp_path / "doc1.json", text)
    assert not report.ok and {f.file for f in report.errors} == {str(tmp_path / "doc1.json")}
    assert "E300" in {f.code for f in report.errors}
    code, out, _ = _run(capsys, "validate", str(tmp_path / "doc1.json"), "--text", str(text), "--ignore", "E300")
    assert "hidden by --ignore: E300" in out
    code, _, err = _run(capsys, "validate", str(doc))
    assert code == 2 and "--text SEED.txt" in err


def test_ignore_says_what_it_hid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    doc = root / "data/documents/doc1.json"
    data = json.loads(doc.read_text())
    data["mentions"][0]["span"]["end"] = 10_000
    doc.write_text(json.dumps(data))
    code, out, _ = _run(capsys, "validate", str(root), "--ignore", "E3")
    assert code == 0  # what is hidden does not count
    assert "E300" not in out.split("hidden by --ignore")[0]
    assert "hidden by --ignore: E300 span-out-of-bounds" in out


def test_show_of_an_unknown_document_says_where_it_looked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "c"
    _run(capsys, "init", str(root))
    code, _, err = _run(capsys, "show", "nope", str(root))
    assert code == 2 and f"no document 'nope' in the corpus {root} (c 0.1.0)" in err
