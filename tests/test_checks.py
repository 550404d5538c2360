"""Every reference and semantic rule, each with a failing example built from the valid mini corpus."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.codes import CODES
from minicorpus import ACTORS, DOC, MiniCorpus, Mutation


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    mutate: Mutation
    file: str
    path: str
    record: str | None
    also: frozenset[str] = frozenset()
    """Codes that the mutation may raise besides the one under test."""


def _set(obj: dict[str, Any], key: str, value: object) -> None:
    obj[key] = value


def _reseed(c: MiniCorpus, text: str) -> None:
    (c.root / "seeds" / "doc1.txt").write_text(text, encoding="utf-8")


def _dup_mention(c: MiniCorpus) -> None:
    m = dict(c.doc["mentions"][0], id="doc1-m99")
    c.doc["mentions"].append(m)


def _rename_seed(c: MiniCorpus) -> None:
    (c.root / "seeds" / "doc1.txt").rename(c.root / "seeds" / "other.txt")
    c.doc["document"]["seed"] = "other.txt"


def _untrimmed(c: MiniCorpus) -> None:
    trig = c.event(1)["triggers"][0]
    trig["end"] += 1
    trig["text"] = c.text[trig["start"] : trig["end"]]


def _future(c: MiniCorpus) -> None:
    c.event(1)["time"]["value"] = "2025-04-20"


def _possessive(c: MiniCorpus) -> None:
    """'outside his venue, police said': the police as the possessive while 'police' stands in the sentence."""
    start = c.text.index("the venue")
    _reseed(c, c.text.replace("the venue", "his venue"))
    his = {"start": start, "end": start + 3, "text": "his"}
    c.doc["mentions"].append({"id": "doc1-m99", "document": "doc1", "actor": "police", "span": his, "kind": "pronoun"})
    c.event(3)["arguments"] = [{"role": "target", "actor": "police", "span": his}]
    content = c.doc["statements"][1]["content"]
    content["text"] = content["text"].replace("the venue", "his venue")
    c.doc["document"]["sha256"] = hashlib.sha256(c.text.encode("utf-8")).hexdigest()


def _death(c: MiniCorpus) -> None:
    c.event(2)["type"] = "life.die"
    c.event(2)["links"] = [{"relation": "caused_by", "event": "doc1-e1"}]


def _untimed(c: MiniCorpus) -> None:
    """'in Geneva on Monday' with 'Geneva' as a trigger of an undated event."""
    c.event(1)["triggers"].append({"start": 90, "end": 96, "text": "Geneva"})
    c.event(1)["time"] = None


def _cycle_events(c: MiniCorpus) -> None:
    c.event(1)["links"] = [{"relation": "part_of", "event": "doc1-e2"}]


def _cross_doc(c: MiniCorpus) -> None:
    # A second document with its own event; doc1's statement points at it.
    doc2 = json.loads(json.dumps(c.doc).replace("doc1", "doc2"))
    shutil.copy(c.root / "seeds" / "doc1.txt", c.root / "seeds" / "doc2.txt")
    (c.root / "data" / "documents" / "doc2.json").write_text(json.dumps(doc2), encoding="utf-8")
    c.doc["statements"][0]["about"] = ["doc2-e1"]


CASES = [
    Case("E200", "mention-id-twice", lambda c: _set(c.doc["mentions"][1], "id", "doc1-m1"), DOC, "$.mentions[1].id",
         "doc1-m1"),
    Case("E200", "event-reuses-actor-id", lambda c: _set(c.event(3), "id", "police"), DOC, "$.events[2].id", "police",
         frozenset({"E202"})),
    Case("E201", "case-collision", lambda c: _set(c.doc["mentions"][1], "id", "DOC1-m1"), DOC, "$.mentions[1].id",
         "DOC1-m1"),
    Case("E202", "mention-actor", lambda c: _set(c.doc["mentions"][0], "actor", "nobody"), DOC,
         "$.mentions[0].actor", "doc1-m1", frozenset({"W400"})),
    Case("E202", "argument-actor", lambda c: _set(c.event(1)["arguments"][0], "actor", "nobody"), DOC,
         "$.events[0].arguments[0].actor", "doc1-e1", frozenset({"W400"})),
    Case("E202", "role-document", lambda c: _set(c.actor("anna_berg")["roles"][0], "document", "nodoc"), ACTORS,
         "$.actors[2].roles[0].document", "anna_berg"),
    Case("E202", "group-member", lambda c: c.actor("ministers")["members"].append("ghost"), ACTORS,
         "$.actors[4].members[2]", "ministers"),
    Case("E202", "statement-addressee", lambda c: _set(c.doc["statements"][0], "addressees", ["ghost"]), DOC,
         "$.statements[0].addressees[0]", "doc1-s1", frozenset({"W419"})),
    Case("E202", "publisher-actor", lambda c: _set(c.doc["document"]["publisher"], "actor", "ghost"), DOC,
         "$.document.publisher.actor", "doc1"),
    Case("E203", "place-is-event", lambda c: _set(c.event(1)["place"], "actor", "doc1-e2"), DOC,
         "$.events[0].place.actor", "doc1-e1"),
    Case("E203", "link-to-actor", lambda c: _set(c.event(2)["links"][0], "event", "geneva"), DOC,
         "$.events[1].links[0].event", "doc1-e2"),
    Case("E203", "about-statement", lambda c: _set(c.doc["statements"][0], "about", ["doc1-s2"]), DOC,
         "$.statements[0].about[0]", "doc1-s1"),
    Case("E203", "attribution-statement-is-event", lambda c: _set(c.event(3)["source"], "statement", "doc1-e1"), DOC,
         "$.events[2].source.statement", "doc1-e3"),
    Case("E203", "anchor-event-is-mention", lambda c: _set(c.event(2)["time"], "anchor_event", "doc1-m1"), DOC,
         "$.events[1].time.anchor_event", "doc1-e2"),
    Case("E203", "country-is-document", lambda c: _set(c.actor("police"), "country", "doc1"), ACTORS,
         "$.actors[5].country", "police"),
    Case("E204", "record-names-other-document", lambda c: _set(c.doc["mentions"][2], "document", "doc9"), DOC,
         "$.mentions[2].document", "doc1-m3"),
    Case("E204", "about-event-of-other-document", _cross_doc, DOC, "$.statements[0].about[0]", "doc1-s1"),
    Case("E205", "part-of-cycle", _cycle_events, DOC, "$.events[0].links[0].event", "doc1-e1"),
    Case("E205", "group-contains-itself", lambda c: c.actor("ministers")["members"].append("ministers"), ACTORS,
         "$.actors[4].members[2]", "ministers"),
    Case("E300", "span-past-end", lambda c: _set(c.event(1)["triggers"][0], "end", 10_000), DOC,
         "$.events[0].triggers[0].end", "doc1-e1", frozenset({"W412"})),
    Case("E300", "role-span-past-end", lambda c: _set(c.actor("anna_berg")["roles"][0]["span"], "end", 5000), ACTORS,
         "$.actors[2].roles[0].span.end", "anna_berg"),
    Case("E301", "span-reversed", lambda c: _set(c.doc["mentions"][0]["span"], "end", 0), DOC,
         "$.mentions[0].span.end", "doc1-m1", frozenset({"W400"})),
    Case("E302", "span-text-differs", lambda c: _set(c.doc["statements"][1]["cue"], "text", "told"), DOC,
         "$.statements[1].cue.text", "doc1-s2"),
    Case("E302", "heading-text-differs", lambda c: c.doc["document"]["headings"].append(
        {"start": 0, "end": 6, "text": "Genf"}), DOC, "$.document.headings[0].text", "doc1"),
    Case("E303", "seed-edited", lambda c: _reseed(c, c.text.replace("Monday", "Sunday")), DOC, "$.document.sha256",
         "doc1", frozenset({"E302"})),
    Case("E304", "no-february-30", lambda c: _set(c.event(1)["time"], "value", "2025-02-30"), DOC,
         "$.events[0].time.value", "doc1-e1"),
    Case("E304", "no-week-53-in-2025", lambda c: c.event(1)["time"].update(value="2025-W53", precision="week"), DOC,
         "$.events[0].time.value", "doc1-e1"),
    Case("E304", "publication-month-13", lambda c: c.doc["document"]["published"].update(value="2025-13",
         precision="month"), DOC, "$.document.published.value", "doc1"),
    Case("E304", "hour-24", lambda c: c.event(1)["time"].update(value="2025-04-14T24:00", precision="minute"), DOC,
         "$.events[0].time.value", "doc1-e1"),
    Case("E305", "interval-reversed", lambda c: _set(c.event(3)["time"], "value", "2025-04-14/2025-04-13"), DOC,
         "$.events[2].time.value", "doc1-e3"),
    Case("E305", "interval-reversed-mixed-granularity", lambda c: c.event(3)["time"].update(
        value="2025-05/2025-04-13"), DOC, "$.events[2].time.value", "doc1-e3", frozenset({"E306"})),
    Case("E306", "day-value-month-precision", lambda c: _set(c.event(1)["time"], "precision", "month"), DOC,
         "$.events[0].time.precision", "doc1-e1"),
    Case("E306", "minute-value-hour-precision", lambda c: c.event(1)["time"].update(
        value="2025-04-14T21:30", precision="hour"), DOC, "$.events[0].time.precision", "doc1-e1"),
    Case("E307", "actor-never-mentioned", lambda c: c.actors.append({"id": "ghost", "name": "Ghost", "type": "person"}),
         ACTORS, "$.actors[6]", "ghost"),
    Case("E308", "upper-without-range", lambda c: _set(c.event(3)["quantities"][0], "upper", 20), DOC,
         "$.events[2].quantities[0].upper", "doc1-e3"),
    Case("E308", "upper-below-value", lambda c: _set(c.event(3)["quantities"][1], "upper", 3), DOC,
         "$.events[2].quantities[1].upper", "doc1-e3"),
    Case("E308", "range-without-upper", lambda c: c.event(3)["quantities"][1].pop("upper"), DOC,
         "$.events[2].quantities[1].upper", "doc1-e3"),
    Case("E309", "anchor-event-missing", lambda c: c.event(2)["time"].pop("anchor_event"), DOC,
         "$.events[1].time.anchor_event", "doc1-e2"),
    Case("E309", "anchor-event-without-event-anchor", lambda c: _set(c.event(1)["time"], "anchor_event", "doc1-e2"),
         DOC, "$.events[0].time.anchor_event", "doc1-e1"),
    Case("E309", "named-without-actor", lambda c: c.event(3)["quantities"][0]["source"].pop("actor"), DOC,
         "$.events[2].quantities[0].source.actor", "doc1-e3"),
    Case("E309", "author-with-actor", lambda c: _set(c.event(1)["source"], "actor", "anna_berg"), DOC,
         "$.events[0].source.actor", "doc1-e1"),
    Case("E310", "seed-not-named-after-document", _rename_seed, DOC, "$.document.seed", "doc1"),
    Case("W400", "argument-not-a-mention", lambda c: _set(c.event(1)["arguments"][1], "span",
         c.event(1)["triggers"][0]), DOC, "$.events[0].arguments[1].span", "doc1-e1"),
    Case("W400", "speaker-not-a-mention", lambda c: _set(c.doc["statements"][0]["speaker"], "actor", "tomas_ruud"),
         DOC, "$.statements[0].speaker.span", "doc1-s1"),
    Case("W401", "duplicate-mention", _dup_mention, DOC, "$.mentions[8]", "doc1-m99"),
    Case("W402", "untrimmed-span", _untrimmed, DOC, "$.events[0].triggers[0].text", "doc1-e1"),
    Case("W403", "asserted-after-publication", _future, DOC, "$.events[0].time.value", "doc1-e1"),
    Case("W410", "possessive-argument-span", _possessive, DOC, "$.events[2].arguments[0].span", "doc1-e3"),
    Case("W411", "null-argument-span", lambda c: _set(c.event(1)["arguments"][1], "span", None), DOC,
         "$.events[0].arguments[1].span", "doc1-e1"),
    Case("W412", "statement-about-own-act", lambda c: c.event(1)["triggers"].append(
        {"start": 113, "end": 117, "text": "said"}), DOC, "$.statements[0].about[0]", "doc1-s1"),
    Case("W413", "war-without-violence", lambda c: _set(c.event(1), "type", "conflict.war"), DOC,
         "$.events[0].type", "doc1-e1"),
    Case("W414", "death-without-killer", _death, DOC, "$.events[1].arguments", "doc1-e2"),
    Case("W415", "author-source-inside-statements", lambda c: _set(c.event(3), "source", {"kind": "author"}), DOC,
         "$.events[2].source.kind", "doc1-e3"),
    Case("W416", "named-source-without-statement", lambda c: c.event(3)["source"].pop("statement"), DOC,
         "$.events[2].source.statement", "doc1-e3"),
    Case("W417", "bound-equal-to-anchor", lambda c: _set(c.event(2)["time"], "mod", "before"), DOC,
         "$.events[1].time.mod", "doc1-e2"),
    Case("W419", "addressee-not-in-text", lambda c: _set(c.doc["statements"][0], "addressees", ["tomas_ruud"]),
         DOC, "$.statements[0].addressees[0]", "doc1-s1"),
    Case("W420", "dated-modifier-untimed", _untimed, DOC, "$.events[0].time", "doc1-e1"),
]


@pytest.fixture
def mini(tmp_path: Path) -> MiniCorpus:
    return MiniCorpus.copy(tmp_path / "corpus")


def test_the_mini_corpus_is_clean(mini: MiniCorpus) -> None:
    report = communique.validate(mini.save())
    assert report.findings == []


@pytest.mark.parametrize("case", CASES, ids=[f"{c.code}-{c.name}" for c in CASES])
def test_rule_reports_the_failing_example(mini: MiniCorpus, case: Case) -> None:
    case.mutate(mini)
    report = communique.validate(mini.save())
    hits = [f for f in report.findings if f.code == case.code]
    assert [(f.file, f.path, f.record) for f in hits] == [(case.file, case.path, case.record)], report.findings
    finding = hits[0]
    assert finding.severity == CODES[case.code].severity
    assert "expected" in finding.message
    assert finding.expected and finding.found
    others = {f.code for f in report.findings} - {case.code}
    assert others <= case.also, report.findings


def test_every_reference_and_semantic_code_has_a_failing_example() -> None:
    wanted = {c for c in CODES if re.fullmatch(r"[EW][234]\d\d", c)}  # E5xx: tests/test_formats_*.py
    assert wanted <= {case.code for case in CASES}


def test_all_problems_are_reported_at_once(mini: MiniCorpus) -> None:
    for case in (CASES[0], CASES[3], CASES[19], CASES[25]):
        case.mutate(mini)
    codes = {f.code for f in communique.validate(mini.save()).findings}
    assert {"E200", "E202", "E300", "E304"} <= codes


def test_seed_hash_is_checked_against_the_bytes(mini: MiniCorpus) -> None:
    mini.doc["document"]["sha256"] = hashlib.sha256(b"other").hexdigest()
    [finding] = communique.validate(mini.save()).findings
    assert finding.code == "E303"
    assert finding.expected == hashlib.sha256(mini.text.encode()).hexdigest()


def test_unmentioned_actors_are_reported_whatever_the_status(mini: MiniCorpus) -> None:
    mini.actors.append({"id": "ghost", "name": "Ghost", "type": "person"})
    for status in ("draft", "adjudicated"):
        mini.doc["status"] = status
        [finding] = communique.validate(mini.save()).findings
        assert (finding.code, finding.record, finding.path) == ("E307", "ghost", f"$.actors[{len(mini.actors) - 1}]")


REFERENCES = [
    # (file, setter, JSON path, record)
    (ACTORS, lambda c: _set(c.actor("anna_berg")["roles"][0], "of", "ghost"), "$.actors[2].roles[0].of", "anna_berg"),
    (ACTORS, lambda c: _set(c.actor("police"), "country", "ghost"), "$.actors[5].country", "police"),
    (DOC, lambda c: _set(c.doc["document"]["dateline"], "actor", "ghost"), "$.document.dateline.actor", "doc1"),
    (DOC, lambda c: _set(c.event(1)["place"], "actor", "ghost"), "$.events[0].place.actor", "doc1-e1"),
    (DOC, lambda c: _set(c.event(2)["time"], "anchor_event", "ghost"), "$.events[1].time.anchor_event", "doc1-e2"),
    (DOC, lambda c: _set(c.event(3)["source"], "actor", "ghost"), "$.events[2].source.actor", "doc1-e3"),
    (DOC, lambda c: _set(c.event(3)["source"], "statement", "ghost"), "$.events[2].source.statement", "doc1-e3"),
    (DOC, lambda c: _set(c.event(3)["quantities"][0]["source"], "actor", "ghost"),
     "$.events[2].quantities[0].source.actor", "doc1-e3"),
    (DOC, lambda c: _set(c.event(2)["links"][0], "event", "ghost"), "$.events[1].links[0].event", "doc1-e2"),
    (DOC, lambda c: _set(c.doc["statements"][1], "about", ["ghost"]), "$.statements[1].about[0]", "doc1-s2"),
]


@pytest.mark.parametrize(("file", "mutate", "path", "record"), REFERENCES, ids=[r[2] for r in REFERENCES])
def test_every_reference_must_resolve(mini: MiniCorpus, file: str, mutate: Mutation, path: str, record: str) -> None:
    mutate(mini)
    report = communique.validate(mini.save())
    assert [(f.code, f.file, f.path, f.record) for f in report.findings if f.code == "E202"] == [
        ("E202", file, path, record)
    ]


def test_speaker_actor_must_resolve(mini: MiniCorpus) -> None:
    mini.doc["statements"][0]["speaker"]["actor"] = "ghost"
    codes = [(f.code, f.path) for f in communique.validate(mini.save()).findings]
    assert ("E202", "$.statements[0].speaker.actor") in codes


def test_links_stay_within_the_document(mini: MiniCorpus) -> None:
    _cross_doc(mini)
    mini.event(2)["links"][0]["event"] = "doc2-e1"
    mini.event(2)["time"]["anchor_event"] = "doc2-e1"
    mini.event(3)["source"]["statement"] = "doc2-s2"
    found = {(f.code, f.path) for f in communique.validate(mini.save()).findings if f.file.endswith("doc1.json")}
    assert {
        ("E204", "$.events[1].links[0].event"),
        ("E204", "$.events[1].time.anchor_event"),
        ("E204", "$.events[2].source.statement"),
        ("E204", "$.statements[0].about[0]"),
    } <= found
