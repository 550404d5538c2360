"""A predicted corpus beside the gold one: exact span and label match, missed and spurious marked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from view_page import read_page

import communique
from communique.corpus import Corpus
from communique.html import render_html, span_diff
from communique.html.marks import collect

DOC = "mini_001"
MakePred = Callable[[Callable[[dict[str, Any]], None]], Path]


def edit(doc: dict[str, Any]) -> None:
    """One missed mention, one spurious crossing mention, one wrong event type, one wrong time value."""
    doc["mentions"] = [m for m in doc["mentions"] if m["span"]["text"] != "Times Square"]
    text = "Minister Ana"
    seed = (Path(__file__).resolve().parents[1] / "fixtures/view_corpus/seeds/mini_001.txt").read_text("utf-8")
    start = seed.index(text)
    doc["mentions"].append(
        {"id": "pred-m1", "document": DOC, "actor": "ana_oneil", "kind": "name",
         "span": {"start": start, "end": start + len(text), "text": text}}
    )
    doc["events"][0]["type"] = "contact.contact"
    doc["events"][3]["time"]["value"] = "2025-04-12"


def test_span_diff_counts_exact_span_and_label_matches(corpus: Corpus, make_pred: MakePred) -> None:
    pred = communique.load(make_pred(edit))
    gold_marks = collect(corpus.file(DOC), corpus.actors)
    pred_marks = collect(pred.file(DOC), pred.actors)
    diff = span_diff(gold_marks, pred_marks)
    counts = {c.layer: (c.gold, c.pred, c.matched, c.missed, c.spurious) for c in diff.counts}
    n = len(corpus.file(DOC).mentions)
    assert counts["mention"] == (n, n, n - 1, 1, 1)
    assert counts["trigger"] == (4, 4, 3, 1, 1)
    assert counts["time"] == (2, 2, 1, 1, 1)
    assert counts["cue"] == (3, 3, 3, 0, 0)
    assert sorted(u[3] for u, _ in diff.missed) == ["2025-04-13", "contact.meet", "times_square"]
    assert sorted(u[3] for u, _ in diff.spurious) == ["2025-04-12", "ana_oneil", "contact.contact"]
    same = span_diff(gold_marks, gold_marks)
    assert not same.missed and not same.spurious
    assert set(same.gold_status.values()) == {"match"}


def test_argument_roles_are_compared_even_where_a_mention_shows_them(corpus: Corpus, make_pred: MakePred) -> None:
    def wrong_role(doc: dict[str, Any]) -> None:
        doc["events"][3]["arguments"][0]["role"] = "target"

    pred = communique.load(make_pred(wrong_role))
    diff = span_diff(collect(corpus.file(DOC), corpus.actors), collect(pred.file(DOC), pred.actors))
    assert [u for u, _ in diff.missed] == [("argument", 232, 238, "victim:victims")]
    assert [u for u, _ in diff.spurious] == [("argument", 232, 238, "target:victims")]


def test_the_view_marks_missed_and_spurious_spans(corpus: Corpus, make_pred: MakePred) -> None:
    page = render_html(DOC, corpus, make_pred(edit))
    reader = read_page(page)
    assert set(reader.texts) == {"gold", "pred"}
    assert reader.texts["gold"] == reader.texts["pred"] == corpus.file(DOC).document.text

    def status(d: Any) -> str:
        return next((c[3:] for c in d.classes if c.startswith("st-")), "")

    marked = {(d.side, d.layer, d.text, status(d)) for d in reader.marks.values() if status(d) not in ("match", "")}
    assert marked == {
        ("gold", "mention", "Times Square", "missed"),
        ("gold", "trigger", "talks", "missed"),
        ("gold", "time", "on Sunday", "missed"),
        ("pred", "mention", "Minister Ana", "spurious"),
        ("pred", "trigger", "talks", "spurious"),
        ("pred", "time", "on Sunday", "spurious"),
    }
    diff_buttons = [a for t, a in reader.tags if t == "button" and "data-target" in a]
    assert len(diff_buttons) == 6
    handles = {(d.side, d.n) for d in reader.marks.values()}
    assert all((a["data-side"], a["data-target"]) in handles for a in diff_buttons)
    assert "Predicted annotations" in page


def test_a_single_predicted_document_file_works_too(corpus: Corpus) -> None:
    gold = corpus.file(DOC)
    pred = gold.model_copy(update={"mentions": gold.mentions[:-1]})
    reader = read_page(render_html(DOC, corpus, pred))
    missed = [d.text for d in reader.marks.values() if "st-missed" in d.classes]
    assert missed == [gold.mentions[-1].span.text]


def test_an_unknown_document_in_the_prediction_is_an_error(corpus: Corpus) -> None:
    empty = Corpus(corpus.info, corpus.actors, ())
    with pytest.raises(communique.CommuniqueError, match="no document 'mini_001' in the predicted corpus"):
        render_html(DOC, corpus, empty)
