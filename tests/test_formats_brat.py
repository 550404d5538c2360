"""brat standoff: read back by an independent reader (bioc), exact round trip, findings, files from elsewhere."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bioc import brat as bioc_brat

from _formats import CORPORA, FIXTURES, dumps, export_all, has_astral, load
from communique import formats


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path | None, Path]]:
    """Every test corpus exported once: name -> (corpus folder, export folder)."""
    return export_all("brat", tmp_path_factory.mktemp("brat"))


def _conf_labels(out: Path) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = ""
    for line in (out / "annotation.conf").read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif line and not line.startswith("#"):
            sections.setdefault(current, set()).add(re.split(r"\s", line)[0])
    return sections


@pytest.mark.parametrize("name", CORPORA)
def test_bioc_reads_every_ann_and_each_span_is_the_slice_of_the_txt(
    name: str, exported: dict[str, tuple[Path | None, Path]]
) -> None:
    path, out = exported[name]
    corpus = load(path)
    conf = _conf_labels(out)
    for file in corpus.files:
        stem = file.document.id
        text = (out / f"{stem}.txt").read_bytes()
        assert text == file.document.text.encode("utf-8")  # the seed, byte for byte
        doc = bioc_brat.loads(text.decode("utf-8"), (out / f"{stem}.ann").read_text(encoding="utf-8"))
        decoded = text.decode("utf-8")
        for entity in doc.entities:
            pieces = sorted((i.begin, i.end) for i in entity.locations)
            assert entity.text == " ".join(decoded[a:b] for a, b in pieces)
            assert entity.type in conf["entities"] | conf["events"]
        ids = {e.id for e in doc.entities}
        for event in doc.events:
            assert event.trigger_id in ids and set(event.arguments.values()) <= ids
            assert event.type in conf["events"]
        held = sum(
            sum(a.span is not None for a in e.arguments) + bool(e.place and e.place.span)
            + bool(e.time and e.time.span) + len(e.quantities) for e in file.events
        ) + sum(1 + (s.speaker.span is not None) for s in file.statements)
        assert sum(len(e.arguments) for e in doc.events) == held  # numbered roles: bioc keeps every argument
        assert len(doc.events) == sum(len(e.triggers) for e in file.events) + len(file.statements)
        assert {a.type for a in doc.attributes} <= conf["attributes"]
        located = {(*sorted((i.begin, i.end) for i in e.locations)[0], e.text) for e in doc.entities}
        assert {(m.span.start, m.span.end, m.span.text) for m in file.mentions if "\n" not in m.span.text} <= located
        qids = set(re.findall(r"^N\d+\tReference T\d+ Wikidata:(Q\d+)\t", (out / f"{stem}.ann").read_text(
            encoding="utf-8"), re.M))
        assert qids == {corpus.actor(m.actor).wikidata for m in file.mentions} - {None}


@pytest.mark.parametrize("name", CORPORA)
def test_import_gives_the_corpus_back_exactly(
    name: str, exported: dict[str, tuple[Path | None, Path]], tmp_path: Path
) -> None:
    path, out = exported[name]
    report = formats.import_("brat", out, tmp_path / "back")
    assert report.findings == []
    assert dumps(load(tmp_path / "back")) == dumps(load(path))
    if name.startswith("astral"):
        assert has_astral(load(tmp_path / "back"))


def _line_break_corpus(root: Path) -> Path:
    """The mini corpus with 'Anna Berg' written across a line break (spans stay the same length)."""
    shutil.copytree(FIXTURES / "corpora" / "valid-mini", root)
    seed = root / "seeds" / "doc1.txt"
    text = seed.read_text(encoding="utf-8")
    at = text.index("Anna Berg") + 4
    seed.write_text(text[:at] + "\n" + text[at + 1 :], encoding="utf-8")
    doc_path = root / "data" / "documents" / "doc1.json"

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and node["start"] <= at < node["end"]:
                i = at - node["start"]
                return {**node, "text": node["text"][:i] + "\n" + node["text"][i + 1 :]}
            return {k: walk(v) for k, v in node.items()}
        return [walk(v) for v in node] if isinstance(node, list) else node

    doc = walk(json.loads(doc_path.read_text(encoding="utf-8")))
    doc["document"]["sha256"] = hashlib.sha256(seed.read_bytes()).hexdigest()
    doc_path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return root


def test_a_span_across_a_line_break_is_discontinuous_in_brat_and_comes_back_whole(tmp_path: Path) -> None:
    corpus = _line_break_corpus(tmp_path / "c")
    formats.export("brat", corpus, tmp_path / "ex")
    ann = (tmp_path / "ex" / "doc1.ann").read_text(encoding="utf-8")
    assert re.search(r"^T\d+\tperson 47 51;52 56\tAnna Berg$", ann, re.M)
    assert formats.import_("brat", tmp_path / "ex", tmp_path / "back").findings == []
    assert dumps(load(tmp_path / "back")) == dumps(load(corpus))


def _edit(out: Path, pattern: str, repl: str) -> None:
    path = out / "doc1.ann"
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, repl, text, count=1, flags=re.M)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


CASES = [
    ("E502", r"^(T1\t\w+ )(\d+) (\d+)", lambda m: f"{m[1]}{int(m[2]) + 1} {int(m[3]) + 1}"),
    ("E503", r"^(E1\t\S+:)T\d+", lambda m: f"{m[1]}T999"),
    ("E500", r"^(A1\t.*)$", lambda m: "A1 no tab here"),
    ("E501", r"^(T1\t\w+ )(\d+) (\d+)\t(.*)$", lambda m: f"{m[1]}0 2;4 6\tGe va"),
]


@pytest.mark.parametrize(("code", "pattern", "repl"), CASES, ids=[c[0] for c in CASES])
def test_a_broken_ann_line_gives_a_finding_with_its_line(
    code: str, pattern: str, repl: Any, tmp_path: Path, cli: Any
) -> None:
    formats.export("brat", FIXTURES / "corpora" / "valid-mini", tmp_path / "ex")
    _edit(tmp_path / "ex", pattern, repl)
    result = cli("import", "--format", "brat", tmp_path / "ex", "--out", tmp_path / "back", "--json")
    assert result.code == 1 and "Traceback" not in result.err
    hits = [f for f in json.loads(result.out)["findings"] if f["code"] == code]
    assert hits and hits[0]["file"] == "doc1.ann" and hits[0]["line"] >= 1, json.loads(result.out)["findings"]


ELSEWHERE = """T1\tPerson 0 9\tAnna Berg
T2\tPerson 14 24\tTomas Ruud
T3\tContact-Meet 10 13\tmet
E1\tContact-Meet:T3 Participant:T1 Participant2:T2
A1\tFactuality E1 asserted
N1\tReference T1 Wikidata:Q42\tAnna Berg
T4\tCity 28 34\tGeneva
T5\tWeather 35 40\trainy
"""


def test_brat_files_from_elsewhere_become_a_draft_corpus_with_warnings_for_what_has_no_counterpart(
    tmp_path: Path,
) -> None:
    src = tmp_path / "inception"
    src.mkdir()
    (src / "note-1.txt").write_text("Anna Berg met Tomas Ruud in Geneva rainy.\n", encoding="utf-8")
    (src / "note-1.ann").write_text(ELSEWHERE, encoding="utf-8")
    report = formats.import_("brat", src, tmp_path / "back")
    assert report.ok, report.findings
    corpus = load(tmp_path / "back")
    (event,) = corpus.events
    assert event.type == "contact.meet" and [a.role for a in event.arguments] == ["participant", "participant"]
    assert {a.span.text for a in event.arguments if a.span} == {"Anna Berg", "Tomas Ruud"}
    assert corpus.actor("wd_Q42").wikidata == "Q42"
    assert {m.span.text for m in corpus.mentions} == {"Anna Berg", "Tomas Ruud", "Geneva"}
    assert [(f.code, f.line, f.found) for f in report.findings] == [("W504", 8, "Weather")]


@pytest.mark.parametrize("fmt", ["oneie", "brat", "labelstudio"])
def test_a_folder_without_any_document_is_a_finding_not_an_empty_corpus(fmt: str, tmp_path: Path, cli: Any) -> None:
    (tmp_path / "empty").mkdir()
    result = cli("import", "--format", fmt, tmp_path / "empty", "--out", tmp_path / "back", "--json")
    assert result.code == 1 and not (tmp_path / "back").exists()
    assert {f["code"] for f in json.loads(result.out)["findings"]} == {"E500"}


INCEPTION = """T1\tNamed_entity 0 9\tAnna Berg
A1\tvalue T1 PER
T2\tNamed_entity 28 34\tGeneva
A2\tvalue T2 GPE
T3\tNamed_entity 35 40\trainy
A3\tvalue T3 WEATHER
"""


def test_inception_layers_with_the_type_in_an_attribute_become_mentions(tmp_path: Path) -> None:
    src = tmp_path / "inception"
    src.mkdir()
    (src / "doc-a.txt").write_text("Anna Berg met Tomas Ruud in Geneva rainy.\n", encoding="utf-8")
    (src / "doc-a.ann").write_text(INCEPTION, encoding="utf-8")
    report = formats.import_("brat", src, tmp_path / "back")
    corpus = load(tmp_path / "back")
    assert {(m.span.text, corpus.actor(m.actor).type) for m in corpus.mentions} == {
        ("Anna Berg", "person"), ("Geneva", "country")}
    assert [(f.code, f.record) for f in report.findings] == [("W504", "T3")]
