"""Scale: the corpus generator, processes, sharded Parquet export, Dask, the CLI options and the
benchmark's smoke run (figures exist; no thresholds: speed is measured by benchmarks/run.py)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from _support import count_opens
from communique import loader, validate
from communique.cli import main
from communique.models import DocumentFile
from communique.release.export import export_parquet
from communique.report import Report
from communique.synth import generate_corpus
from communique.validation import driver
from communique.validation.corpus import CorpusRules
from communique.validation.document import Plan

RECORD_CONFIGS = ("mentions", "events", "statements")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("scale") / "corpus", documents=12, seed=7)


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_generator_is_deterministic_and_valid(tmp_path: Path, corpus: Path) -> None:
    again = generate_corpus(tmp_path / "again", documents=12, seed=7)
    assert _digest(again) == _digest(corpus)
    other = generate_corpus(tmp_path / "other", documents=12, seed=8)
    assert _digest(other) != _digest(corpus)
    report = validate(corpus)
    assert report.findings == []
    doc = DocumentFile.model_validate_json((corpus / "data/documents/syn0000003.json").read_bytes())
    assert doc.mentions and doc.events and doc.statements


def test_synth_command_writes_a_corpus_and_refuses_a_full_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "made"
    assert main(["synth", "--documents", "3", "--out", str(out)]) == 0
    assert len(list((out / "data" / "documents").glob("*.json"))) == 3
    assert main(["synth", "--documents", "3", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert main(["synth", "--documents", "2", "--out", str(out), "--force"]) == 0
    assert len(list((out / "data" / "documents").glob("*.json"))) == 2
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["synth", "--documents", "3", "--out", str(mine), "--force"]) == 2
    assert "has no marker" in capsys.readouterr().err
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]
    assert main(["validate", str(out), "--quiet"]) == 0


def test_validate_output_is_the_same_with_one_or_two_jobs(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken"
    import shutil

    shutil.copytree(corpus, broken)
    doc_path = broken / "data/documents/syn0000005.json"
    doc = json.loads(doc_path.read_text(encoding="utf-8"))
    doc["events"][0]["links"] = [{"relation": "part_of", "event": "syn0000009-e01"}]
    doc["mentions"][0]["span"]["end"] += 1
    doc_path.write_text(json.dumps(doc), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        for extra in ([], ["--json"]):
            code = main(["validate", str(broken), "--jobs", jobs, *extra])
            captured = capsys.readouterr()
            assert (code, captured.err.startswith("corpus: ")) == (1, True)
            outputs.append(captured.out)
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]
    assert "E204" in outputs[0] and "E302" in outputs[0] and "checked 12 document file(s)" in outputs[0]
    assert main(["validate", str(broken), "--jobs", "0"]) == 2


def test_export_is_sharded_identical_across_jobs_and_streams_with_datasets(corpus: Path, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    one = export_parquet(corpus, tmp_path / "one", shard_rows=50, jobs=1, shard_size=3)
    two = export_parquet(corpus, tmp_path / "two", shard_rows=50, jobs=2, shard_size=2)
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")
    files = [p.name for p in one["mentions"]]
    total = len(files)
    assert total > 1 and files == [f"test-{i:05d}-of-{total:05d}.parquet" for i in range(total)]
    assert [p.name for p in two["mentions"]] == files
    expected: dict[str, list[object]] = {name: [] for name in RECORD_CONFIGS}
    for path in sorted((corpus / "data" / "documents").glob("*.json")):
        doc = DocumentFile.model_validate_json(path.read_bytes())
        for name in RECORD_CONFIGS:
            expected[name].extend(r.model_dump(mode="json") for r in getattr(doc, name))
    for name in RECORD_CONFIGS:
        files_of = [str(p) for p in one[name]]
        streamed = datasets.load_dataset("parquet", data_files={"test": files_of}, split="test", streaming=True)
        assert list(streamed) == expected[name]
    docs = datasets.load_dataset("parquet", data_files=[str(p) for p in one["documents"]], split="train")
    assert docs[3]["text"] == (corpus / "seeds" / "syn0000003.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_check_shard_runs_on_a_dask_local_cluster(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    import shutil

    root = tmp_path / "corpus"
    shutil.copytree(corpus, root)
    (root / "seeds" / "syn0000004.txt").write_text("changed", encoding="utf-8")
    report = Report(str(root))
    unread: set[str] = set()
    _, actors = driver.read_head(root, report, unread)
    task = driver.Task(root, driver.actors_info(actors), Plan())
    names = loader.document_names(root, report, unread)
    shards = [names[i : i + 5] for i in range(0, len(names), 5)]
    rules = CorpusRules(root, report, actors, unread, Plan())
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        futures = client.map(driver.check_shard, [task] * len(shards), shards)
        for outcomes, _ in client.gather(futures):
            for outcome in outcomes:
                rules.add(outcome)
    rules.finish()
    report = report.sorted()
    expected = validate(root, verify=False)
    assert report.to_dict() == expected.to_dict()
    assert {"E303", "E302"} <= {f.code for f in report.findings}


def test_import_stays_light() -> None:
    code = (
        "import sys, communique, communique.validation.driver, communique.synth; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'datasets', 'pyarrow', 'msgspec', 'dask', 'distributed', 'psutil', 'pandas', 'numpy'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


KEYS = ("validate_vs_pydantic", "validate_vs_jsonschema", "validate_vs_msgspec", "export_vs_pyarrow", "rss_10x",
        "jobs_speedup", "load_vs_import", "build_rss_10x", "load_floor_vs_import", "load_vs_floor",
        "load_revalidate_vs_import", "cpu_scaling", "jobs_speedup_vs_cpu_scaling", "validate_1_job_vs_jsonschema_rs",
        "floor_vs_jsonschema_rs", "validate_1_job_vs_floor", "adversarial_ids_3200_vs_200")


def test_benchmark_smoke_run_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    page = tmp_path / "performance.md"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--smoke", "--json", str(out), "--docs", str(page)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key in KEYS:
        assert isinstance(figures[key], float) and figures[key] > 0, key
    assert figures["details"]["records"] > 0
    text = page.read_text(encoding="utf-8")  # the docs page, written from the same figures
    assert all(f"| `{key}` |" in text for key in KEYS)
    assert f"--smoke --json {out} --docs {page}`" in text
    written = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert {k: v for k, v in written.items() if k != "run"} == figures


def test_build_shards_parquet_the_same_on_any_number_of_processes(corpus: Path, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    from communique.release.build import build

    one = build(corpus, tmp_path / "one", shard_rows=100, jobs=1)
    build(corpus, tmp_path / "two", shard_rows=100, jobs=2)
    assert _digest(tmp_path / "one") == _digest(tmp_path / "two")
    shards = sorted(f for f in one.files if f.startswith("mentions/"))
    total = len(shards)
    assert total == -(-one.counts["mentions"] // 100) > 1
    assert shards == [f"mentions/test-{i:05d}-of-{total:05d}.parquet" for i in range(total)]
    streamed = datasets.load_dataset(str(tmp_path / "one"), "mentions", split="test", streaming=True)
    ids = [row["id"] for row in streamed]
    assert ids == sorted(ids) and len(ids) == one.counts["mentions"]
    crois = json.loads((tmp_path / "one" / "croissant.json").read_text(encoding="utf-8"))
    files = {d["@id"]: d for d in crois["distribution"]}
    assert files["mentions-parquet"]["@type"] == "cr:FileSet"
    assert files["mentions-parquet"]["includes"] == "mentions/test-*.parquet"
    assert files["actors-parquet"]["@type"] == "cr:FileObject"


def test_progress_bar_on_a_terminal_only(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from communique.cli import _progress

    monkeypatch.setattr(_progress, "is_terminal", lambda: True)
    assert main(["validate", str(corpus), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "validate [" in err and "12/12 files" in err and "records/s" in err
    assert main(["validate", str(corpus), "--jobs", "1", "--quiet"]) == 0
    assert capsys.readouterr().err.startswith("corpus: ")  # the corpus used, named; no progress bar
    monkeypatch.setattr(_progress, "is_terminal", lambda: False)
    assert main(["validate", str(corpus)]) == 0
    assert capsys.readouterr().err.startswith("corpus: ")  # the corpus used, named; no progress bar


def test_build_progress_shows_its_one_pass(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow")
    from communique.cli import _progress

    monkeypatch.setattr(_progress, "is_terminal", lambda: True)
    assert main(["build", str(corpus), "--out", str(tmp_path / "r"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "build [" in err and "12/12 files" in err and "validate [" not in err and "write [" not in err
    assert main(["build", str(corpus), "--out", str(tmp_path / "r"), "--jobs", "1", "--quiet"]) == 0
    assert capsys.readouterr().err.startswith("corpus: ")  # the corpus used, named; no progress bar


def test_build_reads_every_file_once_and_ships_what_it_validated(corpus: Path, tmp_path: Path) -> None:
    """The release is written document file by document file as each is validated: every file is
    opened once, so a file changed after it was checked cannot ship unvalidated (the build once
    validated, then read every file again to export it)."""
    pytest.importorskip("pyarrow")
    code = "import pathlib, sys\nfrom communique.release.build import build\n" \
        "build(sys.argv[1], pathlib.Path(sys.argv[2]), jobs=1)\n"
    opens = count_opens(code, str(corpus), str(tmp_path / "r"))
    assert len(opens) == 12
    assert set(opens.values()) == {1}


def test_build_never_loads_the_corpus_whole(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    from communique import api
    from communique.release.build import build

    def whole_corpus(*args: object, **kwargs: object) -> None:
        raise AssertionError("the build read the whole corpus into memory")

    monkeypatch.setattr(api, "load", whole_corpus)
    assert build(corpus, tmp_path / "r", jobs=1).counts["documents"] == 12


def test_parquet_shards_cut_row_groups_and_files(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from communique.release.export import ParquetShards

    schema = pa.schema([("n", pa.int64())])
    writer = ParquetShards(tmp_path / "c", schema, shard_rows=7, group_rows=3)
    for start in range(0, 20, 4):  # tables of 4 rows cross row group and shard boundaries
        writer.add(pa.table({"n": list(range(start, start + 4))}, schema=schema))
    files = writer.close()
    assert [p.name for p in files] == [f"test-{i:05d}-of-00003.parquet" for i in range(3)]
    groups = [[f.metadata.row_group(g).num_rows for g in range(f.num_row_groups)] for f in map(pq.ParquetFile, files)]
    assert groups == [[3, 3, 1], [3, 3, 1], [3, 3]]
    assert [n for p in files for n in pq.read_table(p)["n"].to_pylist()] == list(range(20))
    assert (writer.rows, sorted(p.name for p in (tmp_path / "c").iterdir())) == (20, [p.name for p in files])
    empty = ParquetShards(tmp_path / "e", schema, shard_rows=None, group_rows=3)
    (only,) = empty.close()
    assert only.name == "test-00000-of-00001.parquet" and pq.ParquetFile(only).metadata.num_row_groups == 0
    with pytest.raises(ValueError):
        ParquetShards(tmp_path / "x", schema, shard_rows=0, group_rows=3)


def test_build_options_are_checked(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    assert main(["build", str(corpus), "--out", str(tmp_path / "r"), "--shard-rows", "0"]) == 2
    assert "--shard-rows must be at least 1" in capsys.readouterr().err
    assert main(["build", str(corpus), "--out", str(tmp_path / "r"), "--jobs", "0"]) == 2
    assert main(["build", str(corpus), "--out", str(tmp_path / "r"), "--shard-rows", "200", "-q"]) == 0
    assert "Parquet shards" in capsys.readouterr().out


def test_instruction_counts_run_or_say_what_they_need() -> None:
    """benchmarks/instructions.py counts one warm validation and one export under callgrind, or,
    where valgrind is missing, says so and how to get it."""
    import shutil

    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "instructions.py"), "--documents", "3"],
        capture_output=True, text=True, check=False, timeout=900,
    )
    if shutil.which("valgrind") is None:
        assert done.returncode != 0
        assert "valgrind is not on the PATH (apt-get install valgrind)" in done.stderr
        return
    assert done.returncode == 0, done.stderr
    counts = [int(line.split()[1].replace(",", "")) for line in done.stdout.splitlines()[1:]]
    assert [line.split()[0] for line in done.stdout.splitlines()[1:]] == ["validate", "export"]
    assert all(n > 1_000_000 for n in counts)
