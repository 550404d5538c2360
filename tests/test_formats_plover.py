"""The PLOVER / POLECAT-shaped projection: one record per event with a PLOVER category, fields from the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from _formats import CORPORA, corpus_path, jsonl, load
from communique import formats
from communique.ontology import ACLED_TIME_PRECISION, EVENT_TYPES

KEYS = ["event_id", "story_id", "event_date", "date_precision", "acled_time_precision", "ucdp_date_prec",
        "event_type", "event_mode", "communique_type", "actors", "recipients", "others", "location", "factuality",
        "realis", "dead", "injured", "size", "trigger", "attributed_to", "source"]


@pytest.mark.parametrize("name", CORPORA)
def test_every_event_with_a_plover_category_is_one_record_with_its_fields(name: str, tmp_path: Path) -> None:
    path = corpus_path(name, tmp_path / "corpora")
    corpus = load(path)
    summary = formats.export("plover", path, tmp_path / "out")
    rows = {r["event_id"]: r for r in jsonl(tmp_path / "out" / "events.jsonl")}
    wanted = [e for e in corpus.events if EVENT_TYPES[e.type].plover]
    assert list(rows) == [e.id for e in wanted] and summary["events"] == len(wanted)
    assert summary["dropped_no_plover_category"] == len(corpus.events) - len(wanted)
    for event in wanted:
        row = rows[event.id]
        assert list(row) == KEYS
        assert row["event_type"] == EVENT_TYPES[event.type].plover
        assert row["story_id"] == event.document and row["trigger"] == event.triggers[0].text
        if event.time:
            assert (row["event_date"], row["date_precision"]) == (event.time.value, event.time.precision)
            assert row["acled_time_precision"] == ACLED_TIME_PRECISION[event.time.precision]
        named = {a["id"]: a for a in row["actors"] + row["recipients"] + row["others"]}
        assert set(named) == {a.actor for a in event.arguments}
        for actor_id, actor in named.items():
            assert actor["wikidata"] == corpus.actor(actor_id).wikidata
            assert actor["name"] == corpus.actor(actor_id).name
        if event.place:
            assert row["location"]["id"] == event.place.actor
        killed = [q for q in event.quantities if q.what == "killed"]
        assert (row["dead"] or {}).get("value") == (killed[0].value if killed else None)


def test_agents_are_actors_and_targets_recipients(tmp_path: Path) -> None:
    formats.export("plover", None, tmp_path / "out")
    corpus = load(None)
    rows = jsonl(tmp_path / "out" / "events.jsonl")
    for row in rows:
        event: Any = corpus.event(row["event_id"])
        agents = {a.actor for a in event.arguments if a.role == "agent"}
        assert agents <= {a["id"] for a in row["actors"]}
        targets = {a.actor for a in event.arguments if a.role in ("target", "recipient", "victim")}
        assert targets <= {a["id"] for a in row["recipients"]}
    assert any(row["recipients"] for row in rows) and any(row["location"] for row in rows)


def test_plover_is_export_only(tmp_path: Path, cli: Any, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("import", "--format", "plover", tmp_path, "--out", tmp_path / "x")
    assert exit_.value.code == 2 and "invalid choice: 'plover'" in capsys.readouterr().err
    with pytest.raises(formats.FormatError, match="export-only"):
        formats.import_("plover", tmp_path, tmp_path / "x")
    assert json.loads(cli("export", "--format", "plover", "--out", tmp_path / "p", "--json").out)["events"] > 0
