"""The terminal review view lists every annotation under its paragraph."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import communique
from communique.terminal import render_terminal
from hostile import Cli

DOC = "000_bd8b5cfe7c34e604"


def test_every_annotation_is_listed_once() -> None:
    corpus = communique.load()
    out = render_terminal(corpus, DOC)
    f = corpus.file(DOC)
    for m in f.mentions:
        assert out.count(f"  {m.id}\n") == 1, m.id
    for e in f.events:
        assert out.count(f"-> {e.id} {e.type}") == len(e.triggers)
    for s in f.statements:
        assert out.count(f"cue of {s.id} ") == 1 and out.count(f"content of {s.id} ") == 1


def test_annotation_follows_its_paragraph() -> None:
    corpus = communique.load()
    out = render_terminal(corpus, DOC, layers=["events"])
    lines = out.splitlines()
    para = next(i for i, line in enumerate(lines) if line.startswith(" 27 | Since February 2025"))
    after = lines[para + 1 : para + 8]
    assert any('"reestablished"' in line and "policy.coerce" in line for line in after)
    assert not any(line.lstrip().startswith("M ") for line in lines)


def test_colour_marks_only_on_request() -> None:
    corpus = communique.load()
    assert "\x1b[" not in render_terminal(corpus, DOC)
    assert "\x1b[4m" in render_terminal(corpus, DOC, color=True)


def test_control_and_bidi_characters_from_a_seed_are_shown_as_escapes(base_corpus: Path, cli: Cli) -> None:
    """The validator's messages escape what a terminal acts on; the terminal view does the same."""
    evil = "\x1b[2J\u202e"  # clear the screen, then reverse the line
    seed = base_corpus / "seeds" / "doc001.txt"
    data = seed.read_bytes().replace(b"talks", evil.encode())  # five characters for five
    seed.write_bytes(data)
    doc = base_corpus / "data" / "documents" / "doc001.json"
    escaped = json.dumps(evil)[1:-1]
    raw = json.loads(doc.read_text(encoding="utf-8").replace("the talks were", f"the {escaped} were"))
    raw["document"]["sha256"] = hashlib.sha256(data).hexdigest()
    doc.write_text(json.dumps(raw), encoding="utf-8")
    corpus = communique.load(base_corpus)
    for color in (False, True):
        shown = render_terminal(corpus, "doc001", color=color)
        assert "\u202e" not in shown and "\x1b[2J" not in shown
        assert "\\x1b[2J\\u202e" in shown
    assert "\x1b" not in render_terminal(corpus, "doc001", color=False)
    result = cli("show", "doc001", "--dir", base_corpus)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\u202e" not in result.out and "\\x1b[2J\\u202e" in result.out


def test_every_layer_of_the_html_view_is_listed_with_a_legend_first() -> None:
    corpus = communique.load()
    out = render_terminal(corpus, DOC)
    f = corpus.file(DOC)
    assert out.splitlines()[1] == "legend:" and out.index("legend:") < out.index("  1 | ")
    for e in f.events:
        for arg in e.arguments:
            assert f"{arg.role} of {e.id} -> {arg.actor}" in out, (e.id, arg.role)
        if e.place is not None:
            assert f"place of {e.id} -> {e.place.actor}" in out
        for link in e.links:
            assert f"{link.relation} {link.event}" in out
    roles = [(r, a) for a in corpus.actors for r in a.roles if r.document == DOC]
    assert roles
    for r, a in roles:
        assert f'[{r.span.start},{r.span.end}) "{r.span.text}" {r.title}' in out and f": {a.id}\n" in out
    doc = f.document
    assert doc.dateline is not None and doc.dateline.span is not None
    assert f'[{doc.dateline.span.start},{doc.dateline.span.end}) "{doc.dateline.span.text}" dateline' in out
    for h in doc.headings:
        assert f'[{h.start},{h.end}) "{h.text}" heading' in out
