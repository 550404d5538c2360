"""``communique build``: the release folder, its card, checksums, determinism and atomicity."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

import communique
from _support import CONFIGS, FIXTURE_CORPUS, REPO, expected_rows, snapshot
from communique.models import Event
from communique.release import build as build_mod
from communique.release import card
from communique.release.export import ParquetShards
from communique.release.features import features
from communique.release.views import config

PARQUET = "test-00000-of-00001.parquet"
LAYOUT = sorted(
    [
        ".communique-output",
        "README.md",
        "SHA256SUMS",
        "croissant.json",
        *(f"{c}/{PARQUET}" for c in CONFIGS),
        *(f"jsonl/{c}.jsonl" for c in CONFIGS),
    ]
)


def front_matter(readme: str) -> dict[str, object]:
    assert readme.startswith("---\n")
    head = readme[4 : readme.index("\n---\n", 4)]
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict)
    return meta


def test_layout(fixture_release: Path) -> None:
    files = sorted(snapshot(fixture_release))
    assert [f for f in files if not f.startswith("schema/")] == LAYOUT
    schemas = [f for f in files if f.startswith("schema/")]
    assert schemas and all(f.endswith(".json") for f in schemas)
    assert not [p for p in fixture_release.parent.iterdir() if p.name.startswith(".")]


def test_card_metadata(fixture_release: Path) -> None:
    meta = front_matter((fixture_release / "README.md").read_text(encoding="utf-8"))
    for key in ("license", "language", "task_categories", "pretty_name", "size_categories", "annotations_creators"):
        assert meta[key], key
    assert meta["license"] == "cc-by-4.0"
    assert meta["language"] == ["de", "en"]
    assert meta["pretty_name"] == "Communiqué test corpus"
    counts = {name: len(rows) for name, rows in expected_rows(FIXTURE_CORPUS).items()}
    configs = {c["config_name"]: c for c in meta["configs"]}  # type: ignore[attr-defined]
    assert list(configs) == list(CONFIGS)
    for name, entry in configs.items():
        (files,) = entry["data_files"]
        assert files == {"split": "test", "path": f"{name}/{PARQUET}"}
        assert (fixture_release / files["path"]).is_file()
    infos = {i["config_name"]: i for i in meta["dataset_info"]}  # type: ignore[attr-defined]
    for name in CONFIGS:
        assert infos[name]["features"] == features(config(name).tree())._to_yaml_list()
        (split,) = infos[name]["splits"]
        assert split["name"] == "test" and split["num_examples"] == counts[name]


def test_card_parses_as_a_hub_dataset_card(fixture_release: Path) -> None:
    from huggingface_hub import DatasetCard

    data = DatasetCard.load(fixture_release / "README.md").data.to_dict()
    assert data["license"] == "cc-by-4.0"
    assert [c["config_name"] for c in data["configs"]] == list(CONFIGS)


def test_card_sections(fixture_release: Path) -> None:
    readme = (fixture_release / "README.md").read_text(encoding="utf-8")
    for heading in (
        "## Dataset structure",
        "### Fields",
        "## Annotation",
        "### Agreement",
        "## Span convention",
        "## Limitations and rights",
        "## Citation",
        "## Version and pinning",
    ):
        assert f"\n{heading}\n" in readme, heading
    for info in Event.model_fields.values():
        assert card._cell(info.description or "") in readme
    assert 'revision="v1.2.3-test"' in readme
    assert "No inter-annotator agreement has been measured" in readme
    assert readme.index("<!-- BEGIN agreement") < readme.index("<!-- END agreement -->")
    assert "\n| `documents` | 2 |" in readme


def test_card_reads_agreement_figures(corpus_dir: Path, tmp_path: Path) -> None:
    (corpus_dir / "docs").mkdir()
    figures = {
        "actors": {"a": 10, "b": 11, "matched": 9, "f1": 0.8571, "type_agreement": 0.5},
        "mentions": {
            "strict": {"a": 16, "b": 15, "matched": 14, "f1": 0.9032},
            "lenient": {"a": 16, "b": 15, "matched": 15, "f1": 0.9677},
        },
    }
    (corpus_dir / "docs" / "agreement.json").write_text(json.dumps(figures), encoding="utf-8")
    out = tmp_path / "rel"
    build_mod.build(corpus_dir, out)
    readme = (out / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- BEGIN agreement") : readme.index("<!-- END agreement -->")]
    assert "| actors | 0.857 | — | 10 / 11 |" in section
    assert "| mentions | 0.903 | 0.968 | 16 / 15 |" in section
    assert "type agreement 0.500" in section
    assert "No inter-annotator agreement" not in readme


def test_card_of_the_packaged_corpus_shows_its_agreement_file(packaged_release: Path) -> None:
    figures = json.loads((REPO / "docs" / "agreement.json").read_text(encoding="utf-8"))
    readme = (packaged_release / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- BEGIN agreement") : readme.index("<!-- END agreement -->")]
    for layer, entry in figures.items():
        exact = entry.get("strict", entry)
        assert f"| {layer} | {exact['f1']:.3f} |" in section, layer


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("agreement.json", '{"mentions": {"strict": {"a": 1}}}', "$.mentions.strict"),
        ("agreement.json", '{"mentions": {"exact": {}}}', "$.mentions"),
        ("agreement.json", '{"actors": 0.9}', "$.actors"),
        ("agreement.json", "[]", "$"),
        ("agreement.json", '{"a": 1, "a": 2}', "duplicate key"),
        ("audit.json", '{"audited": "0.1.0", "current": "0.2.0", "items": 3, "layers": {"time": {"checked": 1}}}',
         "$.layers.time"),
        ("audit.json", '{"audited": 1, "current": "0.2.0"}', "$.audited"),
        ("audit.json", '{"audited": "0.1.0", "current": "0.2.0", "items": -1}', "$.items"),
        ("audit.json", '{"audited": "0.1.0", "current": "0.2.0", "items": 1, "layers": {}}', "$.layers"),
        ("audit.json", "[]", "$"),
    ],
)
def test_malformed_agreement_or_audit_file_is_a_clear_error(
    corpus_dir: Path, tmp_path: Path, cli, name: str, content: str, where: str
) -> None:
    (corpus_dir / "docs").mkdir()
    (corpus_dir / "docs" / name).write_text(content, encoding="utf-8")
    result = cli("build", corpus_dir, "--out", tmp_path / "rel")
    assert result.code == 2
    assert f"docs/{name}" in result.err and where in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "rel").exists()


def test_checksums_cover_every_file(fixture_release: Path) -> None:
    lines = (fixture_release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    sums = dict(reversed(line.split("  ", 1)) for line in lines)
    files = snapshot(fixture_release)
    assert sorted(sums) == sorted(set(files) - {"SHA256SUMS", ".communique-output"})
    for rel, digest in sums.items():
        assert hashlib.sha256(files[rel]).hexdigest() == digest, rel


@pytest.mark.parametrize("name", CONFIGS)
def test_jsonl_and_parquet_rows_equal_loaded_records(fixture_release: Path, name: str) -> None:
    want = expected_rows(FIXTURE_CORPUS)[name]
    lines = (fixture_release / "jsonl" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == want
    assert pq.read_table(fixture_release / name / PARQUET).to_pylist() == want


def test_rows_follow_the_corpus_order(corpus_dir: Path, tmp_path: Path) -> None:
    """Documents by file name, their records in file order (not re-sorted by id); actors by id."""
    from communique import manifest

    doc = corpus_dir / "data" / "documents" / "fx01_kyiv_talks.json"
    raw = json.loads(doc.read_text(encoding="utf-8"))
    raw["events"].reverse()
    doc.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    manifest.write(corpus_dir)
    build_mod.build(corpus_dir, tmp_path / "rel")
    lines = (tmp_path / "rel" / "jsonl" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    events = [json.loads(line)["id"] for line in lines]
    corpus = communique.load(corpus_dir)
    assert events == [e.id for e in corpus.events] and events != sorted(events)
    assert pq.read_table(tmp_path / "rel" / "events" / PARQUET).column("id").to_pylist() == events
    docs = pq.read_table(tmp_path / "rel" / "documents" / PARQUET).column("id").to_pylist()
    assert docs == [f.document.id for f in corpus.files] == ["fx01_kyiv_talks", "fx02_zurich_note"]
    actors = pq.read_table(tmp_path / "rel" / "actors" / PARQUET).column("id").to_pylist()
    assert actors == sorted(a.id for a in corpus.actors)


def test_non_ascii_and_nulls_survive(fixture_release: Path) -> None:
    docs = pq.read_table(fixture_release / "documents" / PARQUET).to_pylist()
    zurich = next(d for d in docs if d["id"] == "fx02_zurich_note")
    assert zurich["publisher"] is None and zurich["title"] is None
    assert "„Wir stehen fest an der Seite der Ukraine“" in zurich["text"]
    kyiv = next(d for d in docs if d["id"] == "fx01_kyiv_talks")
    assert "🇺🇦" in kyiv["text"]
    strike = next(e for e in kyiv["events"] if e["type"] == "conflict.attack")
    assert strike["quantities"][0]["qualifier"] == "at_least" and strike["quantities"][0]["upper"] is None
    assert strike["time"]["span"]["text"] == "on Monday night"


def test_two_builds_are_byte_identical(tmp_path: Path, fixture_release: Path) -> None:
    again = tmp_path / "elsewhere" / "out"
    build_mod.build(FIXTURE_CORPUS, again)
    assert snapshot(again) == snapshot(fixture_release)


def test_cli_build_prints_where_and_what(tmp_path: Path, cli) -> None:
    out = tmp_path / "rel"
    result = cli("build", FIXTURE_CORPUS, "--out", out)
    assert result.code == 0, result.err
    assert f"written to {out}" in result.out
    counts = {name: len(rows) for name, rows in expected_rows(FIXTURE_CORPUS).items()}
    for name in CONFIGS:
        line = next(x for x in result.out.splitlines() if x.split()[:1] == [name])
        assert line.split()[1] == str(counts[name])


def test_build_replaces_the_previous_release(corpus_dir: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "rel"
    assert cli("build", corpus_dir, "--out", out).code == 0
    path = corpus_dir / "data" / "corpus.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["version"] = "1.2.4"
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert cli("manifest", corpus_dir, "--write").code == 0
    assert cli("build", corpus_dir, "--out", out).code == 0
    assert 'revision="v1.2.4"' in (out / "README.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "rel"]


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out" / "release"
    build_mod.build(FIXTURE_CORPUS, out)
    return out, snapshot(out)


def _untouched(previous: tuple[Path, dict[str, bytes]]) -> None:
    out, before = previous
    assert snapshot(out) == before
    assert [p.name for p in out.parent.iterdir()] == ["release"], "a temporary folder was left behind"


def test_invalid_corpus_is_refused_and_previous_release_kept(corpus_dir: Path, previous, cli) -> None:
    doc = corpus_dir / "data" / "documents" / "fx01_kyiv_talks.json"
    raw = json.loads(doc.read_text(encoding="utf-8"))
    raw["events"][0]["factuality"] = "probably"
    doc.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    result = cli("build", corpus_dir, "--out", previous[0])
    assert result.code == 1
    assert "E103" in result.err and "$.events[0].factuality" in result.err
    assert "E106" in result.err and "nothing was written" in result.err
    assert "Traceback" not in result.err + result.out
    _untouched(previous)


def test_unwritable_output_is_a_clear_error(tmp_path: Path, cli) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    result = cli("build", FIXTURE_CORPUS, "--out", blocker / "release")
    assert result.code == 2
    assert str(blocker) in result.err and "not a folder" in result.err
    assert "Traceback" not in result.err
    result = cli("build", FIXTURE_CORPUS, "--out", blocker)
    assert result.code == 2 and "not a folder" in result.err
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_failed_write_keeps_previous_release(previous, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ParquetShards, "_open", disk_full)
    result = cli("build", FIXTURE_CORPUS, "--out", previous[0])
    assert result.code == 2
    assert "No space left on device" in result.err and "Traceback" not in result.err
    _untouched(previous)


def test_interrupted_build_keeps_previous_release(previous, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(card, "render", interrupt)
    result = cli("build", FIXTURE_CORPUS, "--out", previous[0])
    assert result.code == 130
    _untouched(previous)


def test_packaged_corpus_builds(packaged_release: Path) -> None:
    corpus = communique.load()
    meta = front_matter((packaged_release / "README.md").read_text(encoding="utf-8"))
    infos = {i["config_name"]: i["splits"][0]["num_examples"] for i in meta["dataset_info"]}  # type: ignore[attr-defined]
    assert infos == {name: len(rows) for name, rows in expected_rows(None).items()}
    assert infos["actors"] == len(corpus.actors)
    assert f'revision="v{corpus.version}"' in (packaged_release / "README.md").read_text(encoding="utf-8")


def test_an_unrelated_folder_is_never_replaced(tmp_path: Path, cli) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work\n", encoding="utf-8")
    result = cli("build", FIXTURE_CORPUS, "--out", precious)
    assert result.code == 2 and "refusing to replace" in result.err
    assert snapshot(precious) == {"thesis.txt": b"years of work\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]


def test_the_current_folder_is_never_replaced(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = cli("build", FIXTURE_CORPUS, "--out", ".")
    assert result.code == 2 and "current folder" in result.err
    assert here.is_dir() and not any(here.iterdir())


def test_build_without_the_hf_extra_says_so(cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    result = cli("build", FIXTURE_CORPUS, "--out", tmp_path / "rel")
    assert result.code == 2 and "'hf' extra" in result.err and "pyarrow" in result.err
    assert not (tmp_path / "rel").exists()
