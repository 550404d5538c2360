"""communique add / resolve: new documents and quoted spans."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from communique import jsonio, validate
from communique.authoring import add_document, resolve_file
from communique.cli import main
from communique.errors import CommuniqueError, SpanResolutionError
from communique.quotes import find_quote

REPO = Path(__file__).resolve().parents[1]
TEXT = "Kyiv said on Monday that Kyiv is ready. Rubio met Rubio's host.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


@pytest.fixture
def new_doc(corpus: Path, tmp_path: Path) -> tuple[Path, str]:
    src = tmp_path / "new.txt"
    src.write_text(TEXT, encoding="utf-8")
    doc_id = add_document(corpus, src)
    return corpus, doc_id


def test_add_copies_bytes_records_hash_and_validates(new_doc: tuple[Path, str]) -> None:
    root, doc_id = new_doc
    seed = root / "seeds" / f"{doc_id}.txt"
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    assert seed.read_bytes() == TEXT.encode()
    assert doc_id == f"001_{digest[:16]}"
    record = json.loads((root / "data" / "documents" / f"{doc_id}.json").read_text())
    assert record["document"]["sha256"] == digest
    assert record["status"] == "draft" and record["mentions"] == []
    assert validate(root).ok


def test_add_refuses_duplicates_empty_and_non_utf8(new_doc: tuple[Path, str], tmp_path: Path) -> None:
    root, _doc_id = new_doc
    again = tmp_path / "again.txt"
    again.write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommuniqueError, match="already in the corpus"):
        add_document(root, again)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(CommuniqueError, match="empty"):
        add_document(root, empty)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Jean-No\u00ebl".encode("latin-1"))
    with pytest.raises(CommuniqueError, match="not UTF-8"):
        add_document(root, latin)
    fresh = tmp_path / "fresh.txt"
    fresh.write_text("Another text.\n", encoding="utf-8")
    with pytest.raises(CommuniqueError, match="cannot be used as a file name"):
        add_document(root, fresh, doc_id="../escape")
    assert not (root.parent / "escape.txt").exists()


def test_add_cli_exit_codes(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "x.txt"
    src.write_text("Paris.\n", encoding="utf-8")
    assert main(["add", str(src), "--dir", str(corpus)]) == 0
    assert main(["add", str(src), "--dir", str(corpus)]) == 2
    assert "already in the corpus" in capsys.readouterr().err
    assert main(["add", str(src), "--dir", str(tmp_path / "nowhere")]) == 2


def test_find_quote_rules() -> None:
    assert find_quote(TEXT, "Monday") == (13, 19)
    with pytest.raises(SpanResolutionError, match="ambiguous: it occurs 2 times"):
        find_quote(TEXT, "Kyiv")
    assert find_quote(TEXT, "Kyiv", occurrence=2) == (25, 29)
    assert find_quote(TEXT, "Kyiv", prefix="that ") == (25, 29)
    assert find_quote(TEXT, "Rubio", suffix="'s") == (50, 55)
    with pytest.raises(SpanResolutionError, match="does not occur"):
        find_quote(TEXT, "Moscow")
    with pytest.raises(SpanResolutionError, match="occurrence 3 does not exist"):
        find_quote(TEXT, "Kyiv", occurrence=3)


def _write_annotation(root: Path, doc_id: str, mentions: list[dict[str, object]]) -> Path:
    path = root / "data" / "documents" / f"{doc_id}.json"
    raw = json.loads(path.read_text())
    raw["mentions"] = mentions
    path.write_text(jsonio.dumps(raw))
    return path


def test_resolve_turns_quotes_into_offsets(new_doc: tuple[Path, str]) -> None:
    root, doc_id = new_doc
    actors = json.loads((root / "data" / "actors.json").read_text())
    assert any(a["id"] == "ukraine" for a in actors["actors"])
    path = _write_annotation(root, doc_id, [
        {"id": f"{doc_id}-m1", "document": doc_id, "actor": "ukraine", "kind": "name",
         "span": {"quote": "Kyiv", "occurrence": 2}, "metonymy": True},
    ])
    assert resolve_file(root, path) == 1
    span = json.loads(path.read_text())["mentions"][0]["span"]
    assert span == {"start": 25, "end": 29, "text": "Kyiv"}
    assert validate(root).ok


def test_resolve_refuses_ambiguous_quote_and_leaves_file(new_doc: tuple[Path, str]) -> None:
    root, doc_id = new_doc
    path = _write_annotation(root, doc_id, [
        {"id": f"{doc_id}-m1", "document": doc_id, "actor": "ukraine", "kind": "name", "span": {"quote": "Kyiv"}},
    ])
    before = path.read_bytes()
    with pytest.raises(SpanResolutionError, match=r"\$\.mentions\[0\]\.span: quote 'Kyiv' is ambiguous"):
        resolve_file(root, path)
    assert path.read_bytes() == before
    assert main(["resolve", str(path), "--dir", str(root)]) == 1


def test_resolve_actor_role_spans(new_doc: tuple[Path, str]) -> None:
    root, doc_id = new_doc
    path = root / "data" / "actors.json"
    raw = json.loads(path.read_text())
    raw["actors"][0]["roles"].append({"title": "host", "document": doc_id, "span": {"quote": "host"}})
    path.write_text(jsonio.dumps(raw))
    assert resolve_file(root, path) == 1
    role = json.loads(path.read_text())["actors"][0]["roles"][-1]
    assert role["span"] == {"start": 58, "end": 62, "text": "host"}
