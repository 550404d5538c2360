"""OneIE / TextEE windows: the window JSON Schema, tokens against the gold spans, exact round trip, findings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from _formats import CORPORA, dumps, export_all, has_astral, jsonl, load
from communique import formats
from communique.formats._text import TOKENIZER, TOKENIZER_VERSION
from communique.formats.oneie_read import window_schema


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path | None, Path]]:
    """Every test corpus exported once: name -> (corpus folder, export folder)."""
    return export_all("oneie", tmp_path_factory.mktemp("oneie"))


def test_the_window_schema_is_a_valid_schema_and_rejects_a_wrong_window() -> None:
    Draft202012Validator.check_schema(window_schema())
    validator = Draft202012Validator(window_schema())
    good = {"doc_id": "d", "wnd_id": "d-1", "text": "A met B.", "tokens": ["A", "met", "B", "."],
            "entity_mentions": [{"id": "e", "entity_type": "PER", "start": 0, "end": 1, "text": "A"}],
            "event_mentions": [{"id": "v", "event_type": "Contact:Meet",
                                "trigger": {"start": 1, "end": 2, "text": "met"},
                                "arguments": [{"entity_id": "e", "role": "participant", "text": "A"}]}]}
    assert validator.is_valid(good)
    bad = json.loads(json.dumps(good))
    del bad["event_mentions"][0]["trigger"]["end"]
    assert not validator.is_valid(bad)


@pytest.mark.parametrize("name", CORPORA)
def test_every_window_follows_the_schema_and_every_span_maps_back_to_the_gold(
    name: str, exported: dict[str, tuple[Path | None, Path]]
) -> None:
    path, out = exported[name]
    corpus = load(path)
    gold = {m.id: m.span for m in corpus.mentions}
    gold.update({f"{e.id}-t{k}": t for e in corpus.events for k, t in enumerate(e.triggers)})
    sidecar = json.loads((out / "communique-sidecar.json").read_text(encoding="utf-8"))
    starts = {w: s for d in sidecar["documents"] for w, s in d["windows"].items()}
    validator = Draft202012Validator(window_schema())
    checked = 0
    for row in jsonl(out / "windows.jsonl"):
        assert list(validator.iter_errors(row)) == []
        text = corpus.document(row["doc_id"]).text
        base = starts[row["wnd_id"]]
        assert text[base : base + len(row["text"])] == row["text"]
        offsets, at = [], 0  # tokens are the window's text in order, only white space between them
        for token in row["tokens"]:
            found = row["text"].index(token, at)
            assert row["text"][at:found].strip() == ""
            offsets.append((found, found + len(token)))
            at = found + len(token)
        items = [*row["entity_mentions"], *({**e["trigger"], "id": e["id"]} for e in row["event_mentions"])]
        for item in items:
            s, e = item["start"], item["end"]
            assert "".join(row["tokens"][s:e]) == re.sub(r"\s+", "", item["text"])
            a, b = base + offsets[s][0], base + offsets[e - 1][1]
            assert text[a:b] == item["text"]
            if item["id"] in gold:
                assert (a, b, item["text"]) == (gold[item["id"]].start, gold[item["id"]].end, gold[item["id"]].text)
                checked += 1
        entity_ids = {m["id"] for m in row["entity_mentions"]}
        for event in row["event_mentions"]:
            assert {a["entity_id"] for a in event["arguments"]} <= entity_ids
    assert checked == len(gold) > 0


@pytest.mark.parametrize("name", CORPORA)
def test_import_gives_the_corpus_back_exactly(
    name: str, exported: dict[str, tuple[Path | None, Path]], tmp_path: Path
) -> None:
    path, out = exported[name]
    report = formats.import_("oneie", out, tmp_path / "back")
    assert report.findings == []
    original, back = load(path), load(tmp_path / "back")
    assert dumps(back) == dumps(original)
    if name.startswith("astral"):
        assert has_astral(back)


def test_the_export_names_its_tokenizer_and_counts_what_each_window_dropped(
    exported: dict[str, tuple[Path | None, Path]],
) -> None:
    _, out = exported["packaged"]
    info = json.loads((out / "communique-export.json").read_text(encoding="utf-8"))
    assert info["tokenizer"] == {"name": TOKENIZER, "version": TOKENIZER_VERSION}
    totals, *windows = jsonl(out / "report.json")
    corpus = load(None)
    assert totals["totals"]["dropped_statement"] == len(corpus.statements)
    assert totals["totals"]["entity_mentions"] == len(corpus.mentions)
    assert sum(w["dropped"].get("cross_window_argument", 0) for w in windows) == totals["totals"][
        "dropped_cross_window_argument"] > 0


def _break(out: Path, edit: Callable[[list[dict[str, Any]]], None]) -> None:
    rows = jsonl(out / "windows.jsonl")
    edit(rows)
    (out / "windows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _shift_trigger(rows: list[dict[str, Any]]) -> None:
    row = next(r for r in rows if r["event_mentions"])
    row["event_mentions"][0]["trigger"]["start"] += 1
    row["event_mentions"][0]["trigger"]["end"] += 1


def _dangling(rows: list[dict[str, Any]]) -> None:
    row = next(r for r in rows if any(e["arguments"] for e in r["event_mentions"]))
    next(e for e in row["event_mentions"] if e["arguments"])["arguments"][0]["entity_id"] = "nobody"


def _drop_key(rows: list[dict[str, Any]]) -> None:
    del rows[1]["tokens"]


CASES = [
    ("E502", _shift_trigger, "$.event_mentions[0].trigger"),
    ("E503", _dangling, ".entity_id"),
    ("E501", _drop_key, "$"),
]


@pytest.mark.parametrize(("code", "edit", "where"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_window_gives_a_finding_with_its_line_never_a_traceback(
    code: str, edit: Callable[[list[dict[str, Any]]], None], where: str, tmp_path: Path, cli: Any
) -> None:
    out = tmp_path / "ex"
    formats.export("oneie", None, out)
    _break(out, edit)
    result = cli("import", "--format", "oneie", out, "--out", tmp_path / "back", "--json")
    assert result.code == 1, result.err
    findings = json.loads(result.out)["findings"]
    hit = [f for f in findings if f["code"] == code]
    assert hit and hit[0]["file"] == "windows.jsonl" and hit[0]["line"] >= 1 and where in hit[0]["path"]
    assert "Traceback" not in result.err


def test_an_unreadable_line_is_a_finding_with_its_line(tmp_path: Path, cli: Any) -> None:
    out = tmp_path / "ex"
    formats.export("oneie", None, out)
    with (out / "windows.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"doc_id": \n')
    result = cli("import", "--format", "oneie", out, "--out", tmp_path / "back", "--json")
    lines = {f["line"] for f in json.loads(result.out)["findings"] if f["code"] == "E500"}
    assert result.code == 1 and lines == {38} and not (tmp_path / "back").exists()


TEXTEE = [
    {"doc_id": "ace-1", "wnd_id": "ace-1-0", "text": "Rebels attacked Kabul .", "lang": "en",
     "tokens": ["Rebels", "attacked", "Kabul", "."],
     "entity_mentions": [{"id": "ace-1-0-E0", "entity_type": "PER", "entity_subtype": "Group", "text": "Rebels",
                          "start": 0, "end": 1},
                         {"id": "ace-1-0-E1", "entity_type": "GPE", "text": "Kabul", "start": 2, "end": 3}],
     "relation_mentions": [],
     "event_mentions": [{"id": "ace-1-0-EV0", "event_type": "Conflict:Attack",
                         "trigger": {"text": "attacked", "start": 1, "end": 2},
                         "arguments": [{"entity_id": "ace-1-0-E0", "role": "Attacker", "text": "Rebels"},
                                       {"entity_id": "ace-1-0-E1", "role": "Place", "text": "Kabul"}]}]},
    {"doc_id": "ace-1", "wnd_id": "ace-1-1", "text": "They met .", "lang": "en", "tokens": ["They", "met", "."],
     "entity_mentions": [], "relation_mentions": [],
     "event_mentions": [{"id": "ace-1-1-EV0", "event_type": "Contact:Meet",
                         "trigger": {"text": "met", "start": 1, "end": 2}, "arguments": []}]},
]


def test_windows_from_elsewhere_become_a_draft_corpus(tmp_path: Path) -> None:
    src = tmp_path / "textee"
    src.mkdir()
    (src / "windows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in TEXTEE), encoding="utf-8")
    report = formats.import_("oneie", src, tmp_path / "back")
    assert report.ok, report.findings
    corpus = load(tmp_path / "back")
    assert corpus.document("ace-1").text == "Rebels attacked Kabul .\nThey met ."
    attack, meet = corpus.events
    assert (attack.type, meet.type) == ("conflict.attack", "contact.meet")
    assert attack.place is not None and attack.place.span is not None and attack.place.span.text == "Kabul"
    assert {corpus.actor(m.actor).type for m in corpus.mentions} == {"group", "country"}
    assert [(f.code, f.found) for f in report.findings] == [("W504", "Attacker")]  # ACE roles are not ours


def test_cli_export_and_import_agree_with_the_python_api(tmp_path: Path, cli: Any) -> None:
    result = cli("export", "--format", "oneie", "--out", tmp_path / "ex", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == formats.export("oneie", None, tmp_path / "ex2")
    result = cli("import", "--format", "oneie", tmp_path / "ex", "--out", tmp_path / "back", "--json")
    assert result.code == 0 and json.loads(result.out)["valid"] is True
    again = cli("export", "--format", "oneie", "--out", tmp_path / "ex")
    assert again.code == 2 and "already exists" in again.err and "--force" in again.err


def test_import_communique_does_not_import_the_formats() -> None:
    code = "import sys, communique; print(any(m.startswith('communique.formats') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_force_replaces_only_an_earlier_unchanged_export(tmp_path: Path, cli: Any) -> None:
    out = tmp_path / "ex"
    assert cli("export", "--format", "oneie", "--out", out).code == 0
    assert cli("export", "--format", "oneie", "--out", out, "--force").code == 0
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    refused = cli("export", "--format", "oneie", "--out", out, "--force")
    assert refused.code == 2 and "notes.txt" in refused.err
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
