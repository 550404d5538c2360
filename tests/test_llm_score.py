"""Scoring answers with quoted spans: same figures as offsets when every quote grounds; grounding counts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.baselines import predict
from communique.corpus import Corpus
from communique.errors import ScoringError
from communique.llm.convert import answers_from_corpus
from communique.llm.evaluate import read_answers, score_answers

DOC = "000_bd8b5cfe7c34e604"


@pytest.fixture(scope="module")
def gold() -> Corpus:
    return communique.load()


def _baseline(name: str, gold: Corpus) -> Corpus:
    p = predict(name, gold)
    return Corpus(info=gold.info, actors=tuple(p.actors.values()), files=tuple(p.files()))


def _jsonl(path: Path, answers: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps({"document": d, **a}) + "\n" for d, a in answers.items()), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["trivial", "rules"])
def test_quotes_score_as_offsets_when_every_quote_grounds(name: str, gold: Corpus) -> None:
    pred = _baseline(name, gold)
    by_offsets = communique.score(gold, pred)
    answers = json.loads(json.dumps(answers_from_corpus(pred)))
    report = score_answers(gold, answers, "all")
    assert report.scores.to_dict() == by_offsets.only(tuple(report.scores.tasks)).to_dict()
    assert all(t.ungrounded == 0 and t.ambiguous == 0 for t in report.grounding.values())
    assert report.scores["events"].strict.tp + report.scores["mentions"].strict.tp > 0


@pytest.mark.parametrize("task", ["mentions", "events", "time", "statements", "all"])
def test_gold_answers_score_one(task: str, gold: Corpus) -> None:
    report = score_answers(gold, answers_from_corpus(gold, task), task)
    for name, s in report.scores.tasks.items():
        assert (s.strict.f1, s.lenient.f1) == (1.0, 1.0), name
        assert s.strict.tp > 0
    assert sum(t.grounded for t in report.grounding.values()) > 0


def test_answers_may_be_models_of_their_task(gold: Corpus) -> None:
    from communique.llm.format import answer_model

    as_json = answers_from_corpus(gold, "time")
    as_models = {d: answer_model("time").model_validate(a) for d, a in as_json.items()}
    assert score_answers(gold, as_models, "time").to_dict() == score_answers(gold, as_json, "time").to_dict()


def test_perturbed_answers_lose_what_they_break(gold: Corpus) -> None:
    answers = answers_from_corpus(gold, "all")
    answer = copy.deepcopy(answers[DOC])
    answer["mentions"][0]["actor"]["type"] = "media" if answer["mentions"][0]["actor"]["type"] != "media" else "city"
    answer["mentions"][1]["span"] = {"quote": "Atlantis", "occurrence": None, "prefix": None, "suffix": None}
    del answer["mentions"][2]
    answer["events"][0]["type"] = "life.die" if answer["events"][0]["type"] != "life.die" else "contact.meet"
    report = score_answers(gold, {DOC: answer}, "all")
    mentions = report.scores["mentions"].strict
    assert (mentions.tp, mentions.fp, mentions.fn) == (220, 2, 3)
    assert report.grounding["mentions"].ungrounded == 1
    assert report.grounding["mentions"].grounded == 221  # 223 mentions, one left out, one ungrounded
    textee = report.scores.textee
    events_type_wrong = len(gold.files[0].events[0].triggers)
    assert textee["trigger_identification"].strict.tp == 100
    assert textee["trigger_classification"].strict.tp == 100 - events_type_wrong
    # per-label counts add up to the task's
    per = report.scores.by_label["mentions"]
    assert sum(s.strict.tp for s in per.values()) == mentions.tp
    assert sum(s.strict.fp for s in per.values()) == mentions.fp


def test_an_ambiguous_quote_is_counted_and_placed_by_context(gold: Corpus) -> None:
    answer = copy.deepcopy(answers_from_corpus(gold, "mentions")[DOC])
    repeated = [m for m in answer["mentions"] if m["span"]["occurrence"]]
    for m in repeated:
        m["span"]["occurrence"] = None  # a model that lists mentions in text order without counting
    report = score_answers(gold, {DOC: answer}, "mentions")
    assert report.grounding["mentions"].ambiguous == len(repeated) > 0
    assert report.scores["mentions"].strict.f1 > 0.9


def test_answer_files_as_json_lines_and_json(tmp_path: Path, gold: Corpus) -> None:
    answers = answers_from_corpus(gold, "statements")
    from_lines = read_answers(_jsonl(tmp_path / "a.jsonl", answers))
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / f"{DOC}.json").write_text(json.dumps({"document": DOC, **answers[DOC]}), encoding="utf-8")
    assert read_answers(folder) == from_lines
    assert score_answers(gold, from_lines, "statements").scores["statements"].f1 == 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"document": "000_bd8b5cfe7c34e604", "mentions": [{"span": {"quote": 3}}]}\n',
            "a.jsonl:1: $.mentions[0].span.quote",
        ),
        ('{"mentions": []}\n', 'a.jsonl:1: expected an object with a "document" key'),
        ("\n{not json\n", "a.jsonl:2"),
        ('{"document": "nope", "mentions": []}\n', "answer for document 'nope'"),
        ('{"document": "000_bd8b5cfe7c34e604", "task": "all"}\n', "a.jsonl:1: $.task: Extra inputs are not permitted"),
        ('{"document": "000_bd8b5cfe7c34e604"}\n' * 2, "a.jsonl:2: a second answer for document"),
    ],
)
def test_bad_answer_files_are_refused_with_their_place(
    tmp_path: Path, gold: Corpus, content: str, message: str
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ScoringError, match=None) as info:
        score_answers(gold, read_answers(path), "all")
    assert message in str(info.value)


def test_an_answer_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"document": "\xff"}\n')
    with pytest.raises(ScoringError, match="not UTF-8"):
        read_answers(path)


def test_cli_scores_answers(tmp_path: Path, gold: Corpus, cli: Any) -> None:
    answers = answers_from_corpus(_baseline("rules", gold), "all")
    path = _jsonl(tmp_path / "rules.jsonl", answers)
    result = cli("score", path, "--json", "--prompt-version", "1.0.0")
    assert result.code == 0, result.err
    expected = score_answers(gold, read_answers(path), "all", prompt_version="1.0.0").to_dict()
    assert json.loads(result.out) == expected
    assert expected["scorer_version"] and expected["grounding"]["statements"]["spans"] > 0
    text = cli("score", path, "--task", "events", "--by-label")
    assert text.code == 0 and "argument_identification" in text.out and "  contact.meet" in text.out
    assert "prompt not stated" in text.out
    assert "mentions" not in text.out.split("grounding")[0]
    (tmp_path / "bad.jsonl").write_text("[1]\n", encoding="utf-8")
    bad = cli("score", tmp_path / "bad.jsonl")
    assert bad.code == 2 and "bad.jsonl:1" in bad.err


def test_cli_writes_a_corpus_as_answers(tmp_path: Path, gold: Corpus, cli: Any) -> None:
    preds = tmp_path / "rules"
    assert cli("baseline", "rules", "--out", preds).code == 0
    answers = tmp_path / "rules.jsonl"
    assert cli("answers", preds, "--out", answers).code == 0
    assert read_answers(answers) == read_answers(
        _jsonl(tmp_path / "x.jsonl", answers_from_corpus(communique.load(preds)))
    )
    quoted = json.loads(cli("score", answers, "--json").out)["scores"]
    by_offsets = json.loads(cli("score", preds, "--json").out)
    assert quoted == by_offsets  # the same report, wikidata included, when every quote grounds
    again = cli("answers", preds, "--out", answers)
    assert again.code == 2 and "--force" in again.err
    assert cli("answers", preds, "--out", answers, "--force").code == 0
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text('{"mine": true}\n', encoding="utf-8")
    refused = cli("answers", "--out", foreign, "--force")
    assert refused.code == 2 and "does not hold answers" in refused.err
    assert foreign.read_text(encoding="utf-8") == '{"mine": true}\n'
