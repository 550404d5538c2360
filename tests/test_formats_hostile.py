"""Imports of other projects' files: special files, links out of the folder, wrong types and
duplicate ids give findings (never a hang, a crash or a silent overwrite); outputs never land
inside what the command reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from communique import formats
from communique.errors import OutputError

TIMEOUT = 30


@pytest.fixture(scope="module")
def brat_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brat") / "ex"
    formats.export("brat", None, out)
    return out


@pytest.fixture(scope="module")
def ls_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ls") / "ex"
    formats.export("labelstudio", None, out)
    return out


def _import_cli(fmt: str, src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`communique import` in a child process, so that a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "communique", "import", "--format", fmt, str(src), "--out", str(out), "--json"],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def _codes(done: subprocess.CompletedProcess[str]) -> set[str]:
    return {f["code"] for f in json.loads(done.stdout)["findings"]}


def _copy_without_sidecar(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    (dest / "communique-sidecar.json").unlink(missing_ok=True)
    return dest


def test_a_fifo_ann_is_refused_at_once(brat_export: Path, tmp_path: Path) -> None:
    src = _copy_without_sidecar(brat_export, tmp_path / "in")
    stem = next(src.glob("*.txt")).stem
    shutil.copy(src / f"{stem}.txt", src / "extra.txt")
    os.mkfifo(src / "extra.ann")
    done = _import_cli("brat", src, tmp_path / "out")
    assert done.returncode == 1, done.stderr
    assert "E500" in _codes(done) and "FIFO" in done.stdout


def test_an_ann_linked_to_a_device_or_out_of_the_folder_is_not_read(brat_export: Path, tmp_path: Path) -> None:
    src = _copy_without_sidecar(brat_export, tmp_path / "in")
    stem = next(src.glob("*.txt")).stem
    outside = tmp_path / "outside.ann"
    outside.write_text("T1\tperson 0 5\tParis\n", encoding="utf-8")
    for name, target in (("dev", "/dev/zero"), ("far", str(outside))):
        shutil.copy(src / f"{stem}.txt", src / f"{name}.txt")
        (src / f"{name}.ann").symlink_to(target)
    done = _import_cli("brat", src, tmp_path / "out")
    assert done.returncode == 1, done.stderr
    messages = [f["message"] for f in json.loads(done.stdout)["findings"] if f["code"] == "E500"]
    assert sum("out of the input folder" in m for m in messages) == 2, messages
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["tasks.json", "communique-sidecar.json"])
def test_a_label_studio_json_linked_out_of_the_folder_is_not_read(ls_export: Path, tmp_path: Path,
                                                                  name: str) -> None:
    src = tmp_path / "in"
    shutil.copytree(ls_export, src)
    outside = tmp_path / name
    shutil.move(src / name, outside)  # the same bytes, now outside the folder being imported
    (src / name).symlink_to(outside)
    done = _import_cli("labelstudio", src, tmp_path / "out")
    assert done.returncode == 1, done.stdout + done.stderr
    messages = [f["message"] for f in json.loads(done.stdout)["findings"] if f["code"] == "E500"]
    assert any(name in m and "out of the input folder" in m for m in messages), messages
    assert not (tmp_path / "out").exists()


def test_a_relation_with_labels_of_the_wrong_type_is_a_finding(ls_export: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(ls_export, src)
    tasks = json.loads((src / "tasks.json").read_text(encoding="utf-8"))
    result = tasks[0]["predictions"][0]["result"]
    region = next(r["id"] for r in result if r.get("type") == "labels")
    result.append({"id": "r", "type": "relation", "from_id": region, "to_id": region, "labels": 5})
    result.append({"id": "v", "type": "choices", "from_name": "kind", "value": [1, 2]})
    (src / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    done = _import_cli("labelstudio", src, tmp_path / "out")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "E501" in _codes(done) and "internal error" not in done.stderr


def test_a_duplicate_region_id_is_a_finding_not_an_overwrite(ls_export: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(ls_export, src)
    tasks = json.loads((src / "tasks.json").read_text(encoding="utf-8"))
    result = tasks[0]["predictions"][0]["result"]
    first = next(r for r in result if r.get("type") == "labels")
    text = tasks[0]["data"]["text"]
    twin = json.loads(json.dumps(first))
    twin["value"].update(start=0, end=5, text=text[:5])
    result.append(twin)
    (src / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    done = _import_cli("labelstudio", src, tmp_path / "out")
    assert done.returncode == 1
    dup = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "E501" and "used twice" in f["message"]]
    assert len(dup) == 1 and dup[0]["found"] == first["id"]


def test_outputs_never_land_inside_what_the_command_reads(tmp_path: Path, cli: object) -> None:
    from _support import FIXTURE_CORPUS

    corpus = tmp_path / "c"
    shutil.copytree(FIXTURE_CORPUS, corpus)
    for inside in (corpus / "data" / "rel", corpus / "seeds" / "x"):
        with pytest.raises(OutputError, match="inside what the command reads"):
            formats.export("brat", corpus, inside)
        assert not inside.exists()
    result = cli("build", corpus, "--out", corpus / "data" / "rel")  # type: ignore[operator]
    assert result.code == 2 and "inside what the command reads" in result.err
    formats.export("brat", corpus, corpus / "exports" / "brat")  # beside data/ and seeds/ is fine
    assert cli("validate", corpus).code == 0  # type: ignore[operator]



def test_a_t_line_without_a_tab_is_a_finding(brat_export: Path, tmp_path: Path) -> None:
    src = _copy_without_sidecar(brat_export, tmp_path / "in")
    ann = next(src.glob("*.ann"))
    ann.write_text(ann.read_text(encoding="utf-8") + "T99 person 0 5 Paris\n", encoding="utf-8")
    done = _import_cli("brat", src, tmp_path / "out")
    assert done.returncode == 1, done.stderr
    [found] = [f for f in json.loads(done.stdout)["findings"] if f["code"] == "E500"]
    assert (found["file"], found["record"]) == (ann.name, "T99 person 0 5 Paris")
    assert "is not a text-bound annotation; expected 'T<n> TAB TYPE" in found["message"]


@pytest.mark.parametrize("fmt,name", [("oneie", "windows.jsonl"), ("labelstudio", "tasks.json")])
def test_a_fifo_input_file_is_a_finding_at_once(tmp_path: Path, fmt: str, name: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    os.mkfifo(src / name)
    done = _import_cli(fmt, src, tmp_path / "out")
    assert done.returncode == 1, done.stderr
    messages = [f["message"] for f in json.loads(done.stdout)["findings"] if f["file"] == name]
    assert messages == [f"cannot import {name}: it is a FIFO (named pipe); expected a regular file"]


def _add_brat(src: Path) -> tuple[str, str]:
    ann = sorted(src.glob("*.ann"))[0]
    text = ann.with_suffix(".txt").read_text(encoding="utf-8")
    with ann.open("a", encoding="utf-8") as f:
        f.write(f"T999\tperson 0 5\t{text[:5]}\n")
    return "T999", ann.name


def _add_labelstudio(src: Path) -> tuple[str, str]:
    tasks = json.loads((src / "tasks.json").read_text(encoding="utf-8"))
    text = tasks[0]["data"]["text"]
    tasks[0]["predictions"][0]["result"].append(
        {"id": "added1", "from_name": "mention", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 5, "text": text[:5], "labels": ["city"]}})
    (src / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return "added1", "tasks.json"


def _add_oneie(src: Path) -> tuple[str, str]:
    lines = (src / "windows.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[0])
    row["entity_mentions"].append({"id": "added-m1", "entity_type": "PER", "mention_type": "NAM", "start": 0,
                                   "end": 1, "text": row["tokens"][0]})
    lines[0] = json.dumps(row, ensure_ascii=False)
    (src / "windows.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "added-m1", "windows.jsonl"


@pytest.mark.parametrize("fmt, add", [("brat", _add_brat), ("labelstudio", _add_labelstudio),
                                      ("oneie", _add_oneie)])
def test_an_annotation_added_after_the_export_is_reported_not_dropped_silently(
    tmp_path: Path, fmt: str, add: Callable[[Path], tuple[str, str]]
) -> None:
    src = tmp_path / "ex"
    formats.export(fmt, None, src)
    importer = formats.module(fmt, "importer")
    clean = importer.read(src)
    assert clean.report.findings == []
    ident, file = add(src)
    again = importer.read(src)
    added = [f for f in again.report.findings if f.code == "W505"]
    assert [(f.file, f.record) for f in added] == [(file, ident)], again.report.findings
    assert "communique-sidecar.json" in added[0].message and again.report.ok
    assert again.files == clean.files  # the sidecar's records, and nothing else
    done = _import_cli(fmt, src, tmp_path / "out")  # the command says so and still imports
    assert done.returncode == 0 and "W505" in _codes(done), done.stdout + done.stderr
