"""Corpus navigation (statements about an event, an actor's mentions and events...) and flat tables."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import communique
from _support import FIXTURE_CORPUS
from communique.corpus import Corpus
from communique.tables import TABLES


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return communique.load()


def test_statements_about_an_event_are_exactly_those_that_list_it(corpus: Corpus) -> None:
    listed = 0
    for event in corpus.events:
        found = corpus.statements_about(event.id)
        assert all(event.id in s.about for s in found)
        assert {s.id for s in found} == {s.id for s in corpus.statements if event.id in s.about}
        listed += len(found)
    assert listed > 0  # the packaged corpus links statements to events


def test_mentions_and_statements_of_an_actor(corpus: Corpus) -> None:
    for actor in corpus.actors:
        assert all(m.actor == actor.id for m in corpus.mentions_of(actor.id))
        assert all(s.speaker.actor == actor.id for s in corpus.statements_by(actor.id))
    assert sum(len(corpus.mentions_of(a.id)) for a in corpus.actors) == len(corpus.mentions)
    with pytest.raises(KeyError, match="no actor"):
        corpus.mentions_of("nobody_at_all")


def test_events_with_an_actor_and_a_role(corpus: Corpus) -> None:
    pairs = {(a.actor, a.role, e.id) for e in corpus.events for a in e.arguments}
    actor, role, event_id = sorted(pairs)[0]
    assert event_id in {e.id for e in corpus.events_with(actor)}
    assert event_id in {e.id for e in corpus.events_with(actor, role)}
    held = {r for a, r, e in pairs if a == actor and e == event_id}
    for other in {"agent", "target", "victim", "participant", "recipient"} - held:
        assert event_id not in {e.id for e in corpus.events_with(actor, other)}


def test_arguments_of_resolve_actors(corpus: Corpus) -> None:
    event = next(e for e in corpus.events if e.arguments)
    resolved = corpus.arguments_of(event.id)
    assert [(r.role, r.actor.id) for r in resolved] == [(a.role, a.actor) for a in event.arguments]
    assert all(r.actor is corpus.actor(r.actor.id) for r in resolved)


def test_filters_by_type_prefix_and_factuality(corpus: Corpus) -> None:
    conflict = corpus.find_events(type="conflict.")
    assert conflict and all(e.type.startswith("conflict.") for e in conflict)
    assert len(conflict) == sum(e.type.startswith("conflict.") for e in corpus.events)
    assert corpus.find_events(type="conflict") == ()  # a prefix must end in '.'
    reported = corpus.find_events(factuality="reported")
    assert all(e.factuality == "reported" for e in reported)
    direct = corpus.find_statements(direct=True)
    assert len(direct) + len(corpus.find_statements(direct=False)) == len(corpus.statements)
    doc = corpus.documents[0].id
    assert corpus.events_of(doc) == corpus.find_events(document=doc) == corpus.events


def test_sentence_of_contains_the_span(corpus: Corpus) -> None:
    text = corpus.documents[0].text
    for event in corpus.events:
        for trigger in event.triggers:
            sentence = corpus.sentence_of(trigger)
            assert sentence.start <= trigger.start and trigger.end <= sentence.end
            assert sentence.text == text[sentence.start : sentence.end]
            assert "\n" not in sentence.text


def test_tables_have_one_row_per_record_with_names_joined(corpus: Corpus) -> None:
    counts = {
        "mentions": len(corpus.mentions),
        "events": len(corpus.events),
        "arguments": sum(len(e.arguments) for e in corpus.events),
        "statements": len(corpus.statements),
        "actors": len(corpus.actors),
    }
    assert set(counts) == set(TABLES)
    for name, n in counts.items():
        rows = corpus.table(name)
        assert len(rows) == n, name
        json.dumps(rows)  # plain values only
        assert len({tuple(r) for r in rows}) == 1, f"{name}: every row has the same columns"
    for row in corpus.table("arguments"):
        assert row["actor_name"] == corpus.actor(row["actor"]).name
    text = corpus.documents[0].text
    for row in corpus.table("mentions"):
        assert text[row["start"] : row["end"]] == row["text"]
    with pytest.raises(ValueError, match="expected one of: mentions"):
        corpus.table("nope")


def test_to_pandas(corpus: Corpus) -> None:
    pd = pytest.importorskip("pandas")
    frame = corpus.to_pandas("events")
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(corpus.events)
    assert set(frame["type"]) == {e.type for e in corpus.events}


def test_list_command(cli: Callable[..., object]) -> None:
    result = cli("list", "--json")
    rows = json.loads(result.out)  # type: ignore[attr-defined]
    corpus = communique.load()
    assert [r["id"] for r in rows] == [d.id for d in corpus.documents]
    assert rows[0]["events"] == len(corpus.events)
    text = cli("list", FIXTURE_CORPUS)
    assert text.code == 0  # type: ignore[attr-defined]
    assert "document(s) in" in text.out  # type: ignore[attr-defined]


def test_list_an_invalid_corpus_exits_1(cli: Callable[..., object], tmp_path: Path) -> None:
    import shutil

    bad = tmp_path / "c"
    shutil.copytree(FIXTURE_CORPUS, bad)
    doc = next((bad / "data" / "documents").glob("*.json"))
    raw = json.loads(doc.read_text(encoding="utf-8"))
    raw["mentions"][0]["span"]["start"] = "abc"
    doc.write_text(json.dumps(raw), encoding="utf-8")
    result = cli("list", bad, "--no-verify")
    assert result.code == 1, result  # type: ignore[attr-defined]
