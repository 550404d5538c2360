"""Label Studio: UTF-16 offsets, exact round trip, findings, and a real Label Studio server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

import _labelstudio
from _formats import CORPORA, dumps, export_all, has_astral, load
from communique import formats
from communique.formats.labelstudio import labeling_config


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path | None, Path]]:
    """Every test corpus exported once: name -> (corpus folder, export folder)."""
    return export_all("labelstudio", tmp_path_factory.mktemp("labelstudio"))


def _tasks(out: Path) -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = json.loads((out / "tasks.json").read_text(encoding="utf-8"))
    return tasks


@pytest.mark.parametrize("name", CORPORA)
def test_region_offsets_are_utf16_code_units_as_in_the_browser(
    name: str, exported: dict[str, tuple[Path | None, Path]]
) -> None:
    path, out = exported[name]
    corpus = load(path)
    shifted = 0
    for task in _tasks(out):
        units = task["data"]["text"].encode("utf-16-le")  # what JavaScript's String indexes
        assert task["data"]["text"] == corpus.document(task["data"]["doc_id"]).text
        for item in task["predictions"][0]["result"]:
            if item["type"] in ("labels", "choices"):
                v = item["value"]
                assert units[2 * v["start"] : 2 * v["end"]].decode("utf-16-le") == v["text"]
                shifted += task["data"]["text"][v["start"] : v["end"]] != v["text"]
    assert (shifted > 0) == has_astral(corpus)  # beyond U+FFFF code points and UTF-16 part ways


@pytest.mark.parametrize("name", CORPORA)
def test_import_gives_the_corpus_back_exactly(
    name: str, exported: dict[str, tuple[Path | None, Path]], tmp_path: Path
) -> None:
    path, out = exported[name]
    assert formats.import_("labelstudio", out, tmp_path / "back").findings == []
    assert dumps(load(tmp_path / "back")) == dumps(load(path))


def _broken(out: Path, tmp_path: Path, edit: Any) -> list[dict[str, Any]]:
    shutil.copytree(out, tmp_path / "ex")
    tasks = _tasks(out)
    edit(tasks[0]["predictions"][0]["result"], tasks[0]["data"]["text"])
    (tmp_path / "ex" / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = formats.import_("labelstudio", tmp_path / "ex", tmp_path / "back")
    assert not report.ok
    return [f.to_dict() for f in report.findings]


def _code_points(result: list[dict[str, Any]], text: str) -> None:
    """Offsets counted in code points, as a converter that forgets UTF-16 would write them."""
    for item in result:
        if item["type"] == "labels":
            item["value"]["start"] = text.index(item["value"]["text"])
            item["value"]["end"] = item["value"]["start"] + len(item["value"]["text"])


def _inside_a_pair(result: list[dict[str, Any]], text: str) -> None:
    at = next(i for i, ch in enumerate(text) if ord(ch) > 0xFFFF)
    utf16 = len(text[:at].encode("utf-16-le")) // 2
    result[0]["value"].update(start=utf16 + 1, end=utf16 + 3)


def test_offsets_in_code_points_or_inside_a_surrogate_pair_are_refused(
    exported: dict[str, tuple[Path | None, Path]], tmp_path: Path
) -> None:
    _, out = exported["astral-symbols"]
    found = _broken(out, tmp_path / "a", _code_points)
    refused = {f["path"] for f in found if f["code"] == "E502" and f["file"] == "tasks.json"}
    assert len(refused) > 1  # every region after the first astral character (their references follow: E503)
    found = _broken(out, tmp_path / "b", _inside_a_pair)
    assert any(f["code"] == "E502" and "surrogate pair" in f["message"] and f["path"] == "$[0].result[0].value"
               for f in found)


def test_a_relation_to_a_missing_region_is_a_finding(
    exported: dict[str, tuple[Path | None, Path]], tmp_path: Path
) -> None:
    _, out = exported["mini"]

    def dangle(result: list[dict[str, Any]], _: str) -> None:
        next(r for r in result if r["type"] == "relation")["to_id"] = "nowhere"

    found = _broken(out, tmp_path, dangle)
    assert next((f["code"], f["found"]) for f in found if f["code"] == "E503") == ("E503", "nowhere")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real Label Studio server on a free loopback port, its SQLite database in a temporary folder."""
    instance = _labelstudio.from_template(tmp_path_factory.mktemp("label-studio"))
    took = instance.start()
    print(f"Label Studio {_labelstudio.VERSION} answered after {took:.1f} s")
    yield instance
    instance.stop()


SERVED = ("packaged", "fixture", "astral-letters", "astral-symbols")


@pytest.mark.slow
@pytest.mark.parametrize("name", SERVED)
def test_a_real_label_studio_takes_the_tasks_and_its_export_imports_back_to_the_gold(
    name: str, server: Any, exported: dict[str, tuple[Path | None, Path]], tmp_path: Path
) -> None:
    path, out = exported[name]
    begin = time.monotonic()
    project = server.api("POST", "/api/projects", {"title": f"Communique {name}", "label_config": labeling_config()})
    tasks = _tasks(out)
    done = server.api("POST", f"/api/projects/{project['id']}/import", tasks)
    assert (done["task_count"], done["prediction_count"]) == (len(tasks), len(tasks))
    listed = server.api("GET", f"/api/tasks?project={project['id']}&page_size=1000&fields=all")
    listed = listed["tasks"] if isinstance(listed, dict) else listed
    assert len(listed) == len(tasks)
    for task in listed:  # an annotator accepts every pre-annotation as it is
        server.api("POST", f"/api/tasks/{task['id']}/annotations/",
                   {"result": task["predictions"][0]["result"], "was_cancelled": False})
    exported_back = server.api("GET", f"/api/projects/{project['id']}/export?exportType=JSON")
    assert len(exported_back) == len(tasks) and all(t["annotations"] for t in exported_back)
    folder = tmp_path / "from-label-studio"
    folder.mkdir()
    (folder / "project-export.json").write_text(json.dumps(exported_back, ensure_ascii=False), encoding="utf-8")
    shutil.copy(out / "communique-sidecar.json", folder)
    report = formats.import_("labelstudio", folder, tmp_path / "back")
    assert report.findings == []
    assert dumps(load(tmp_path / "back")) == dumps(load(path))
    print(f"{name}: {len(tasks)} task(s) through Label Studio in {time.monotonic() - begin:.1f} s")


@pytest.mark.slow
def test_label_studio_checks_the_labeling_config_it_is_given(server: Any) -> None:
    """The generated config passing means something: the server refuses a config whose labels name no object."""
    broken = labeling_config().replace('toName="text"', 'toName="nowhere"', 1)
    with pytest.raises(AssertionError, match="HTTP 400"):
        server.api("POST", "/api/projects", {"title": "Communique broken", "label_config": broken})


SLICE_CHECK = """
const tasks = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
let checked = 0;
for (const task of tasks) for (const r of task.predictions[0].result) {
  if (r.type !== "labels") continue;
  if (task.data.text.slice(r.value.start, r.value.end) !== r.value.text) {
    console.log(JSON.stringify(r));
    process.exit(1);
  }
  checked++;
}
console.log(checked);
"""


@pytest.mark.slow
@pytest.mark.parametrize("name", ["astral-letters", "astral-symbols", "packaged"])
def test_javascript_slices_every_region_to_its_text(name: str, exported: dict[str, tuple[Path | None, Path]]) -> None:
    """What the browser does with the offsets: String.prototype.slice in a real JavaScript engine (Node)."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is missing: `python3 dev.py test` installs it")
    _, out = exported[name]
    done = subprocess.run(["node", "-e", SLICE_CHECK, str(out / "tasks.json")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    regions = sum(r["type"] == "labels" for t in _tasks(out) for r in t["predictions"][0]["result"])
    assert int(done.stdout) == regions > 0
