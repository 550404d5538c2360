"""From the built wheel, in a fresh venv, a fresh HOME and an empty folder: a user starts a corpus,
annotates a document with quotes, checks it, explores it and releases it, never naming a path
the commands could find on their own."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from _support import build_wheel, fresh_venv, hf_env
from minicorpus import MINI

ROOT = Path(__file__).resolve().parents[1]


def _quoted(node: object, text: str) -> object:
    """``node`` with every {start, end, text} span written as a quote with its 1-based occurrence."""
    if isinstance(node, list):
        return [_quoted(n, text) for n in node]
    if not isinstance(node, dict):
        return node
    if set(node) == {"start", "end", "text"}:
        quote, start = node["text"], node["start"]
        before = sum(1 for i in range(start) if text.startswith(quote, i))
        return {"quote": quote, "occurrence": before + 1}
    return {k: _quoted(v, text) for k, v in node.items()}


@pytest.mark.slow
def test_a_pip_user_starts_annotates_checks_explores_and_releases_a_corpus(tmp_path: Path) -> None:
    python = fresh_venv(tmp_path, build_wheel(tmp_path / "dist"), extras="hf")
    cli = python.parent / "communique"
    home, work = tmp_path / "home", tmp_path / "empty"
    home.mkdir()
    work.mkdir()
    env = hf_env(home / "hf", HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), PYTHONDONTWRITEBYTECODE="1")
    env = {k: v for k, v in env.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}

    def run(*argv: str | Path, cwd: Path = work, code: int = 0) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, check=False)
        assert proc.returncode == code, (argv, proc.stdout[-2000:], proc.stderr[-2000:])
        return proc

    run(cli, "init")
    text = (MINI / "seeds" / "doc1.txt").read_text(encoding="utf-8")
    source = tmp_path / "article.txt"
    source.write_bytes((MINI / "seeds" / "doc1.txt").read_bytes())
    added = run(cli, "add", source, "--id", "doc1", cwd=work / "seeds")  # from a folder inside the corpus
    assert f"corpus: {work}" in added.stderr
    doc = json.loads((MINI / "data/documents/doc1.json").read_text(encoding="utf-8"))
    actors = json.loads((MINI / "data/actors.json").read_text(encoding="utf-8"))
    (work / "data/documents/doc1.json").write_text(json.dumps(_quoted(doc, text)), encoding="utf-8")
    (work / "data/actors.json").write_text(json.dumps(_quoted(actors, text)), encoding="utf-8")
    unresolved = run(cli, "validate", code=1)
    assert "E108" in unresolved.stdout
    run(cli, "resolve")
    checked = run(cli, "validate")
    assert f"corpus: {work} (empty 0.1.0)" in checked.stderr
    assert checked.stdout.splitlines()[-1].startswith(f"{work}: valid (0 error(s)")
    shown = run(cli, "show", "doc1").stdout
    assert "legend:" in shown and "Anna Berg" in shown
    listed = json.loads(run(cli, "list", "--json").stdout)
    assert [r["id"] for r in listed] == ["doc1"] and listed[0]["events"] == len(doc["events"])
    run(cli, "build", "--out", tmp_path / "mine-release")
    assert (tmp_path / "mine-release" / "README.md").is_file()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    run(cli, "build", "--out", tmp_path / "release", cwd=outside)  # outside any corpus: the packaged one
    card = (tmp_path / "release" / "README.md").read_text(encoding="utf-8")
    assert "No inter-annotator agreement" not in card
    figures = json.loads((ROOT / "docs" / "agreement.json").read_text(encoding="utf-8"))
    section = card[card.index("<!-- BEGIN agreement") : card.index("<!-- END agreement -->")]
    assert all(f"| {layer} |" in section for layer in figures)
    code = (
        "import communique, sys; c = communique.load(sys.argv[1], verify=False); from communique import tables; "
        "e = c.events_of('doc1')[0]; print(len(c.mentions_of('anna_berg')), len(c.arguments_of(e.id)), "
        "c.sentence_of(e.triggers[0]).text[:6], len(tables.rows(c, 'mentions')), len(tables.rows(c, 'events')))"
    )
    nav = run(python, "-c", code, work).stdout.split()
    mentions = [m for m in doc["mentions"] if m["actor"] == "anna_berg"]
    assert nav[0] == str(len(mentions)) and nav[1] == str(len(doc["events"][0]["arguments"]))
    assert nav[3:] == [str(len(doc["mentions"])), str(len(doc["events"]))]
