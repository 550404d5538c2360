"""``communique show``: --html writes the view; without it, the terminal view or a plain listing."""

from __future__ import annotations

import importlib.machinery
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from view_page import read_page

from communique.cli import cmd_show, main
from communique.corpus import Corpus

DOC = "mini_001"


def test_show_html_writes_a_self_contained_file(corpus_dir: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "out" / "view.html"
    assert main(["show", DOC, "--dir", str(corpus_dir), "--html", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    page = out.read_text("utf-8")
    assert read_page(page).texts["gold"].startswith("Geneva (Daily Wire)")
    assert not list(out.parent.glob(".*.tmp")), "no temporary file is left behind"


def test_show_html_with_a_prediction(
    corpus_dir: Path, tmp_path: Path, make_pred: Callable[[Callable[[dict[str, Any]], None]], Path]
) -> None:
    def drop_last_mention(doc: dict[str, Any]) -> None:
        doc["mentions"] = doc["mentions"][:-1]

    pred = make_pred(drop_last_mention)
    out = tmp_path / "cmp.html"
    assert main(["show", DOC, "--dir", str(corpus_dir), "--pred", str(pred), "--html", str(out)]) == 0
    reader = read_page(out.read_text("utf-8"))
    assert [d.text for d in reader.marks.values() if "st-missed" in d.classes] == ["Times Square"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "nope"], "no document 'nope' in the corpus"),
        (["show", DOC, "--pred", "somewhere"], "--pred needs --html"),
        (["show"], "the following arguments are required: DOC_ID"),
    ],
)
def test_show_usage_errors_exit_2_without_a_traceback(
    corpus_dir: Path, capsys: Any, argv: list[str], message: str
) -> None:
    with_dir = [*argv, "--dir", str(corpus_dir)] if len(argv) > 1 else argv
    try:
        code = main(with_dir)
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_show_html_into_an_unwritable_place_is_an_io_error(corpus_dir: Path, tmp_path: Path, capsys: Any) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["show", DOC, "--dir", str(corpus_dir), "--html", str(blocker / "view.html")]) == 2
    assert f"{blocker} is not a folder" in capsys.readouterr().err


def test_show_without_html_uses_the_terminal_view_when_there_is_one(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    calls: list[tuple[Corpus, str, bool]] = []

    def render_terminal(corpus: Corpus, doc_id: str, *, color: bool = False) -> str:
        calls.append((corpus, doc_id, color))
        return f"terminal view of {doc_id}\n"

    fake = types.ModuleType("communique.terminal")
    fake.__spec__ = importlib.machinery.ModuleSpec("communique.terminal", None)
    fake.render_terminal = render_terminal  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "communique.terminal", fake)
    assert main(["show", DOC, "--dir", str(corpus_dir)]) == 0
    assert [(doc_id, color) for _, doc_id, color in calls] == [(DOC, False)]
    assert capsys.readouterr().out == f"terminal view of {DOC}\n"


def test_show_without_html_prints_the_real_terminal_view(corpus_dir: Path, capsys: Any) -> None:
    pytest.importorskip("communique.terminal")
    assert main(["show", DOC, "--dir", str(corpus_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(DOC) and "Geneva" in out and "\x1b[" not in out


def test_show_without_html_falls_back_to_a_plain_listing(
    corpus_dir: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    real = cmd_show.importlib.util.find_spec

    def no_terminal(name: str, package: str | None = None) -> Any:
        return None if name == "communique.terminal" else real(name, package)

    monkeypatch.setattr(cmd_show.importlib.util, "find_spec", no_terminal)
    assert main(["show", DOC, "--dir", str(corpus_dir)]) == 0
    out = capsys.readouterr().out
    doc = corpus.file(DOC)
    assert out.splitlines()[0].startswith(f"{DOC}: {len(doc.document.text)} characters")
    for record in [*doc.mentions, *doc.events, *doc.statements]:
        assert record.id in out
