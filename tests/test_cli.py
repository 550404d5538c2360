"""The command line: exit codes 0/1/2, --json equal to the Python report, stats and schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import communique
from communique import schema
from communique.cli import main
from minicorpus import MINI, MiniCorpus


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    c = MiniCorpus.copy(tmp_path / "broken")
    c.doc["mentions"][0]["span"]["end"] = 10_000
    c.event(1)["time"]["value"] = "2025-02-30"
    c.doc["mentions"].append(dict(c.doc["mentions"][1], id="doc1-m77"))
    return c.save()


def test_valid_corpus_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "validate", str(MINI))
    assert (code, err.splitlines()[0].startswith(f"corpus: {MINI.absolute()} (")) == (0, True)
    assert "valid (0 error(s), 0 warning(s))" in out


def test_invalid_corpus_exits_1_and_lists_every_finding(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    code, out, _ = _run(capsys, "validate", str(broken))
    assert code == 1
    assert "E300" in out and "E304" in out and "W401" in out
    assert "$.mentions[0].span.end" in out and "[doc1-m1]" in out


def test_json_output_equals_the_python_report(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    code, out, _ = _run(capsys, "validate", str(broken), "--json")
    assert code == 1
    assert json.loads(out) == communique.validate(broken).to_dict()
    code, out, _ = _run(capsys, "validate", str(MINI), "--json")
    assert code == 0
    assert json.loads(out) == communique.validate(MINI).to_dict()


def test_select_and_ignore(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    code, out, _ = _run(capsys, "validate", str(broken), "--json", "--select", "E3")
    assert code == 1
    assert {f["code"] for f in json.loads(out)["findings"]} == {"E300", "E304"}
    code, out, _ = _run(capsys, "validate", str(broken), "--json", "--ignore", "E300,E304")
    assert code == 0
    assert [f["code"] for f in json.loads(out)["findings"]] == ["W401"]
    code, _, err = _run(capsys, "validate", str(broken), "--select", "X1")
    assert code == 2
    assert "'X1' matches no finding code" in err


@pytest.mark.parametrize("argv", [["validate", "{tmp}/missing"], ["validate", "{tmp}"], ["stats", "{tmp}/missing"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str]) -> None:
    code, out, err = _run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2
    assert out == ""
    assert "communique: error:" in err and ("does not exist" in err or "no data/ folder" in err)
    assert "Traceback" not in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--nope"])
    assert exc.value.code == 2


def test_broken_json_is_a_finding_not_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    (root / "data" / "actors.json").write_bytes(b'{"schema_version": "1.0.0", "actors": [')
    code, out, err = _run(capsys, "validate", str(root))
    assert code == 1
    assert "E102" in out and "Traceback" not in out + err


def test_stats_tables(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "stats", str(MINI))
    assert code == 0
    lines = out.splitlines()
    assert lines[:2] == ["record type  count", "-----------  -----"]
    assert "mentions         8" in lines
    assert "person            2" in lines
    assert "asserted        2" in lines
    code, out, _ = _run(capsys, "stats", str(MINI), "--json")
    data = json.loads(out)
    assert data["record type"] == {"documents": 1, "actors": 6, "mentions": 8, "events": 3, "statements": 2}
    assert data["event type"] == {"attitude.disapprove": 1, "contact.contact": 1, "contact.meet": 1}
    assert data["statement type"] == {"assert": 1, "characterize": 1}


def test_schema_lists_prints_and_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = _run(capsys, "schema")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == schema.names()
    code, out, _ = _run(capsys, "schema", "event")
    assert code == 0
    assert json.loads(out) == schema.shipped()["event.json"]
    code, _, err = _run(capsys, "schema", "nope")
    assert code == 2 and "no schema named 'nope'" in err
    code, _, _ = _run(capsys, "schema", "--write", str(tmp_path / "out"))
    assert code == 0
    written = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "out").iterdir()}
    assert written == schema.generate_all()


def test_console_script_runs_as_a_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "communique", "validate", str(MINI)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
