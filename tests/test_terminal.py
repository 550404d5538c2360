"""The terminal review view lists every annotation under its paragraph."""

from __future__ import annotations

import communique
from communique.terminal import render_terminal

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
