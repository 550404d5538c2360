"""The baselines on the hand-built fixture corpus: what each rule finds, and that the output validates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from corpus_kit import SEED

import communique
from communique.baselines import BASELINES, predict, write_baseline
from communique.baselines.timex import find_timexes, publication_day
from communique.text import capitalised_sequences, sentences


def test_trivial_tags_every_capitalised_sequence_as_a_person(gold_dir: Path) -> None:
    pred = predict("trivial", communique.load(gold_dir))
    doc = pred.docs[0]
    surfaces = [m.span.text for m in doc.mentions]
    assert surfaces[:4] == ["Oslo", "Nordic Wire", "Foreign Minister Anna Berg", "Prime Minister Jonas Lie"]
    assert {pred.actors[m.actor].type for m in doc.mentions} == {"person"}
    assert len({m.actor for m in doc.mentions if m.span.text == "Oslo"}) == 1  # one actor per surface
    assert doc.events == [] and doc.statements == []


def test_rules_mentions(gold_dir: Path) -> None:
    pred = predict("rules", communique.load(gold_dir))
    doc = pred.docs[0]
    found = {(m.span.text, pred.actors[m.actor].name, pred.actors[m.actor].type) for m in doc.mentions}
    assert ("Anna Berg", "Anna Berg", "person") in found  # after a title
    assert ("Jonas Lie", "Jonas Lie", "person") in found
    assert ("Berg", "Anna Berg", "person") in found  # the last name of a person found earlier
    assert not any(text.startswith(("Foreign", "Prime")) for text, _, _ in found)


def test_rules_events_arguments_and_time(gold_dir: Path) -> None:
    pred = predict("rules", communique.load(gold_dir))
    events = {e.triggers[0].text: e for e in pred.docs[0].events}
    assert events["met"].type == "contact.meet"
    names = {pred.actors[a.actor].name: a.role for a in events["met"].arguments}
    assert names == {"Anna Berg": "participant", "Jonas Lie": "participant"}
    assert events["attacked"].type == "conflict.attack"
    assert events["attacked"].time is not None and events["attacked"].time.value == "2024-03-03"
    assert events["met"].time is not None and events["met"].time.value == "2024-03-04"  # 'on Monday'
    assert events["killed"].type == "life.die"


def test_rules_statement(gold_dir: Path) -> None:
    pred = predict("rules", communique.load(gold_dir))
    (s,) = pred.docs[0].statements
    assert (s.cue.text, s.content.text, s.direct, s.type) == ("said", "the talks were useful", False, "assert")
    assert s.speaker.actor is not None and pred.actors[s.speaker.actor].name == "Anna Berg"


def test_rules_scores_on_the_fixture(gold_dir: Path, tmp_path: Path) -> None:
    gold = communique.load(gold_dir)
    write_baseline("rules", gold, tmp_path / "rules")
    result = communique.score(gold, communique.load(tmp_path / "rules"))
    assert result["statements"].f1 == 1.0
    # 'met' and 'talks' are two predicted events standing for one gold event: 'met' brings its time
    assert (result["time"].strict.tp, result["time"].strict.fn) == (2, 0)
    assert (result["events"].strict.tp, result["events"].strict.fp) == (5, 0)  # every trigger, nothing else
    assert 0 < result["mentions"].strict.recall < 1


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_baselines_on_the_packaged_corpus_validate(name: str, tmp_path: Path) -> None:
    corpus = communique.load()
    out = tmp_path / name
    write_baseline(name, corpus, out)
    assert communique.validate(out).ok
    report = communique.score(corpus, communique.load(out))
    assert set(report.tasks) == set(communique.scoring.TASKS)


def test_sentences() -> None:
    text = "Mr. Lie met U.S. officials. They left.\nNew line here. “Quoted.” End"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Mr. Lie met U.S. officials.",
        "They left.",
        "New line here.",
        "“Quoted.”",
        "End",
    ]
    assert [SEED[s:e] for s, e in sentences(SEED)][1] == "Berg said that the talks were useful."


def test_capitalised_sequences_stay_on_one_line() -> None:
    text = "Anna Berg\nJonas Lie’ went to New York"
    assert [text[s:e] for s, e in capitalised_sequences(text)] == ["Anna Berg", "Jonas Lie", "New York"]


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("on April 13, 2025", "2025-04-13", "day"),
        ("on Sunday April 13, 2025", "2025-04-13", "day"),
        ("on 3 March 2024", "2024-03-03", "day"),
        ("in March 2025", "2025-03", "month"),
        ("in March", "2025-03", "month"),
        ("in May", "2024-05", "month"),  # a month after the publication month is last year's
        ("On Saturday", "2025-04-12", "day"),
        ("on Thursday", "2025-04-10", "day"),  # the publication day's weekday: a week before
        ("last night", "2025-04-16", "day"),
        ("yesterday", "2025-04-16", "day"),
        ("last week", "2025-W15", "week"),
        ("last month", "2025-03", "month"),
    ],
)
def test_timex(phrase: str, value: str, precision: str) -> None:
    pub = date(2025, 4, 17)  # a Thursday
    (t,) = find_timexes(f"It happened {phrase}.", pub)
    assert (t.value, t.precision) == (value, precision)


def test_timex_needs_a_publication_day_for_relative_dates() -> None:
    assert publication_day("2025-04") is None
    assert find_timexes("It happened last night.", None) == []
    assert [t.value for t in find_timexes("On February 30, 2025 and in April 2025.", None)] == ["2025-04"]
