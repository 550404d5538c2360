"""``communique score`` and ``communique baseline`` on the hand-built corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.cli import main
from communique.scoring import TASKS


def test_score_json_prints_the_api_dict(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(gold_dir), "--gold", str(gold_dir), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == [*TASKS, "by_label", "textee", "scorer_version"]
    for task in TASKS:
        assert {"precision", "recall", "f1", "strict", "lenient"} <= set(result[task])
        assert result[task]["f1"] == 1.0


def test_score_table(gold_dir: Path, corpus_dir, capsys: pytest.CaptureFixture[str]) -> None:
    pred = corpus_dir("pred", [])
    assert main(["score", str(pred), "--gold", str(gold_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["task", "strict"]
    mentions = next(line for line in lines if line.startswith("mentions"))
    assert mentions.split()[1:4] == ["0.000", "0.000", "0.000"]


def test_invalid_predictions_exit_2_with_findings(gold_dir: Path, corpus_dir, capsys) -> None:
    pred = corpus_dir("pred", [])
    doc = pred / "data/documents/d1.json"
    record = json.loads(doc.read_text(encoding="utf-8"))
    record["mentions"] = [{"id": "m1", "document": "d1", "actor": "a", "span": {"start": "0"}, "kind": "name"}]
    doc.write_text(json.dumps(record), encoding="utf-8")
    assert main(["score", str(pred), "--gold", str(gold_dir)]) == 2
    captured = capsys.readouterr()
    assert "not a valid corpus" in captured.err
    assert "data/documents/d1.json" in captured.err and "E103" in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert captured.out == ""


def test_not_a_corpus_exits_2(gold_dir: Path, tmp_path: Path, capsys) -> None:
    assert main(["score", str(tmp_path / "nowhere"), "--gold", str(gold_dir)]) == 2
    assert "expected data/ and seeds/" in capsys.readouterr().err


def test_unscorable_predictions_exit_2(gold_dir: Path, corpus_dir, capsys) -> None:
    from corpus_kit import SEED

    pred = corpus_dir("pred", [], seed=SEED.upper())
    assert main(["score", str(pred), "--gold", str(gold_dir)]) == 2
    err = capsys.readouterr().err
    assert "different text" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["trivial", "rules"])
def test_baseline_writes_a_valid_scorable_corpus(name: str, gold_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / name
    assert main(["baseline", name, "--corpus", str(gold_dir), "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
    assert main(["score", str(out), "--gold", str(gold_dir), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["mentions"]["lenient"]["tp"] > 0


def test_baseline_refuses_to_overwrite(gold_dir: Path, tmp_path: Path, capsys) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("x", encoding="utf-8")
    assert main(["baseline", "trivial", "--corpus", str(gold_dir), "--out", str(other)]) == 2
    assert main(["baseline", "trivial", "--corpus", str(gold_dir), "--out", str(other), "--force"]) == 2
    assert (other / "keep.txt").exists()
    out = tmp_path / "pred"
    assert main(["baseline", "trivial", "--corpus", str(gold_dir), "--out", str(out)]) == 0
    assert main(["baseline", "trivial", "--corpus", str(gold_dir), "--out", str(out)]) == 2
    assert main(["baseline", "trivial", "--corpus", str(gold_dir), "--out", str(out), "--force"]) == 0
    assert "already exists" in capsys.readouterr().err


def test_invalid_gold_is_named(gold_dir: Path, corpus_dir, capsys) -> None:
    bad_gold = corpus_dir("badgold", [])
    (bad_gold / "data/actors.json").write_text("{", encoding="utf-8")
    assert main(["score", str(gold_dir), "--gold", str(bad_gold)]) == 2
    err = capsys.readouterr().err
    assert f"the gold corpus ({bad_gold}) is invalid" in err and "E102" in err
