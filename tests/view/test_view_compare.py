"""A predicted corpus beside the gold one: exact span and label match, missed and spurious marked."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from view_page import read_page

import communique
from communique.corpus import Corpus
from communique.html import compare, render_html
from communique.html.marks import collect
from communique.scoring import TASKS

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


def one_document(corpus: Corpus, doc_id: str = DOC) -> Corpus:
    return Corpus(corpus.info, corpus.actors, (corpus.file(doc_id),))


def test_the_view_counts_what_the_scorer_counts(corpus: Corpus, make_pred: MakePred) -> None:
    pred = communique.load(make_pred(edit))
    diff = compare(corpus, pred, DOC, collect(corpus.file(DOC), corpus.actors), collect(pred.file(DOC), pred.actors))
    report = communique.score(one_document(corpus), one_document(pred))
    assert [c.layer for c in diff.counts] == [t for t in TASKS if t != "wikidata"]
    for c in diff.counts:
        strict = report[c.layer].strict
        assert (c.gold, c.pred, c.matched) == (strict.tp + strict.fn, strict.tp + strict.fp, strict.tp), c.layer
    assert len(diff.missed) == sum(c.missed for c in diff.counts) > 0
    assert len(diff.spurious) == sum(c.spurious for c in diff.counts) > 0
    gold_marks = collect(corpus.file(DOC), corpus.actors)
    same = compare(corpus, corpus, DOC, gold_marks, gold_marks)
    assert not same.missed and not same.spurious
    assert set(same.gold_status.values()) == set(same.pred_status.values()) == {"match"}


def test_a_wrong_argument_role_marks_the_argument_span(corpus: Corpus, make_pred: MakePred) -> None:
    def wrong_role(doc: dict[str, Any]) -> None:
        doc["events"][3]["arguments"][0]["role"] = "target"

    pred = communique.load(make_pred(wrong_role))
    gold_marks = collect(corpus.file(DOC), corpus.actors)
    pred_marks = collect(pred.file(DOC), pred.actors)
    diff = compare(corpus, pred, DOC, gold_marks, pred_marks)
    people = next(m.key for m in gold_marks if m.layer == "mention" and m.text == "people")
    pred_people = next(m.key for m in pred_marks if m.layer == "mention" and m.text == "people")
    assert [d for d, _ in diff.missed] == ["arguments: mini_001-e04 victim victims"]
    assert [d for d, _ in diff.spurious] == ["arguments: mini_001-e04 target victims"]
    assert [k for _, k in diff.missed] == [people] and [k for _, k in diff.spurious] == [pred_people]
    assert diff.gold_status[people] == "missed" and diff.pred_status[pred_people] == "spurious"
    assert diff.notes[("gold", people)] == ["mentions: match", "linking: match", "arguments: missed"]
    assert {k for k, v in diff.gold_status.items() if v == "missed"} == {people}


def test_the_view_marks_missed_and_spurious_spans(corpus: Corpus, make_pred: MakePred) -> None:
    page = render_html(DOC, corpus, make_pred(edit))
    reader = read_page(page)
    assert set(reader.texts) == {"gold", "pred"}
    assert reader.texts["gold"] == reader.texts["pred"] == corpus.file(DOC).document.text

    def status(d: Any) -> str:
        return next((c[3:] for c in d.classes if c.startswith("st-")), "")

    marked = {(d.side, d.layer, d.text, status(d)) for d in reader.marks.values() if status(d) not in ("match", "")}
    # The retyped meeting no longer aligns with the gold one, so its arguments and time count as
    # missed and spurious too, on the mentions that show the arguments.
    assert marked == {
        ("gold", "mention", "Times Square", "missed"),
        ("gold", "trigger", "talks", "missed"),
        ("gold", "time", "on Monday", "missed"),
        ("gold", "mention", "Ana O'Neil", "missed"),
        ("gold", "mention", '<script>alert("x")</script> delegation', "missed"),
        ("gold", "time", "on Sunday", "missed"),
        ("pred", "mention", "Minister Ana", "spurious"),
        ("pred", "trigger", "talks", "spurious"),
        ("pred", "time", "on Monday", "spurious"),
        ("pred", "mention", "Ana O'Neil", "spurious"),
        ("pred", "mention", '<script>alert("x")</script> delegation', "spurious"),
        ("pred", "time", "on Sunday", "spurious"),
    }
    diff_buttons = [a for t, a in reader.tags if t == "button" and "data-target" in a]
    # mentions and linking: 1 + 1 each way; events 1; arguments 2; time 2.
    assert len(diff_buttons) == 2 * (2 + 1 + 2 + 2)
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


def test_the_packaged_corpus_beside_the_rules_baseline(tmp_path: Path) -> None:
    from test_view_render import check_every_span_once

    from communique.baselines import write_baseline

    gold = communique.load()
    write_baseline("rules", gold, tmp_path / "rules")
    pred = communique.load(tmp_path / "rules")
    for doc in gold.documents:
        page = render_html(doc.id, gold, pred)
        check_every_span_once(gold, doc.id, page)
        reader = read_page(page)
        assert reader.texts["pred"] == doc.text
        drawn_pred = {d.owner for d in reader.marks.values() if d.side == "pred" and d.layer == "mention"}
        assert drawn_pred == {m.id for m in pred.file(doc.id).mentions}
        report = communique.score(one_document(gold, doc.id), one_document(pred, doc.id))
        rows = re.findall(r"<tr><th scope='row'>(\w+)</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>", page)
        assert rows, "the comparison shows the per-task counts"
        for task, n_gold, n_pred, matched in rows:
            strict = report[task].strict
            assert (int(n_gold), int(n_pred), int(matched)) == (strict.tp + strict.fn, strict.tp + strict.fp, strict.tp)
